/**
 * The zone data the province reads. Enterprises (and figures field by field) are written as API
 * operations over `zones(ids:)`, their types generated from the API schema by `pnpm generate`
 * (zoneReaderOperations.generated.ts), and sent as their selection of `Zone` in an `_entities`
 * query (zoneEntityOperations.ts); figures as sheets are written as the `_entities` query itself. Either
 * way a schema change that breaks one fails the build, not a request.
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

/** What both figure reads ask of a zone for peer suggestions' industry profiles: its records' completeness and a sample of its enterprises' industries. */
const INDUSTRY_SAMPLE = /* GraphQL */ `
  records @include(if: $withIndustries) {
    enterprises
  }
  enterprises(first: $sample) @include(if: $withIndustries) {
    totalCount
    items {
      industry
    }
  }
`;

/**
 * Every zone's figures field by field: what the province asks of a zone service whose schema has
 * no `Zone.figureSheet` yet (an older one; see figureSheetSupport.ts), the same figures as
 * FIGURES_ENTITIES_QUERY's sheets.
 */
export const FIGURES_BY_FIELD_QUERY = /* GraphQL */ `
  query ProvinceReadsFiguresByField($ids: [ID!]!, $codes: [String!], $withText: Boolean!, $withIndustries: Boolean!, $sample: Int!) {
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
      ${INDUSTRY_SAMPLE}
    }
  }
`;

/**
 * Every zone's figures, written as the `_entities` operation itself, against the zone subgraph's
 * schema: `figureSheet` is not part of the API (clients never see it), so there is no API
 * operation to derive it from. Its types are generated from that schema
 * (zoneEntityOperations.generated.ts), the sheet's content is checked on arrival (readFigureSheet).
 */
export const FIGURES_ENTITIES_QUERY = /* GraphQL */ `
  query ProvinceReadsFigures($representations: [_Any!]!, $codes: [String!], $withText: Boolean!, $withIndustries: Boolean!, $sample: Int!) {
    _entities(representations: $representations) {
      ... on Zone {
        id
        figureSheet(codes: $codes, withText: $withText)
        ${INDUSTRY_SAMPLE}
      }
    }
  }
`;
