/**
 * The zone data the province reads, written as API operations over `zones(ids:)`.
 * Their answer and variable types are generated from the API schema by
 * `pnpm generate` (zoneReaderOperations.generated.ts): a schema change that
 * breaks one fails the build, not a request. What is sent is each operation's
 * selection of `Zone` as an `_entities` query to the zone services
 * (zoneEntityOperations.ts).
 */
export const ENTERPRISES_QUERY = /* GraphQL */ `
  query ProvinceReadsEnterprises($ids: [ID!]!, $filter: EnterpriseFilter, $first: Int!, $orderBy: EnterpriseOrder!) {
    zones(ids: $ids) {
      id
      enterprises(filter: $filter, first: $first, orderBy: $orderBy) {
        totalCount
        items {
          id
          nameZh
          employees {
            value
          }
          outputValue
          tax
        }
      }
    }
  }
`;

export const FIGURES_QUERY = /* GraphQL */ `
  query ProvinceReadsFigures($ids: [ID!]!, $codes: [String!], $withText: Boolean!, $withIndustries: Boolean!, $sample: Int!) {
    zones(ids: $ids) {
      id
      indicators(codes: $codes) {
        code
        value
        unit
        qualifier
        period
        periodBasis @include(if: $withText)
        note @include(if: $withText)
        provenance {
          kind
          document
          passage @include(if: $withText)
          computation @include(if: $withText)
          recordCompleteness
          recordCount
        }
      }
      unassessedIndicators(codes: $codes) {
        code
        reason
      }
      records @include(if: $withIndustries) {
        enterprises
      }
      enterprises(first: $sample) @include(if: $withIndustries) {
        totalCount
        items {
          industry
        }
      }
    }
  }
`;
