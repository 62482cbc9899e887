/**
 * The zone data the province reads. Enterprises are written as an API operation over
 * `zones(ids:)`, its types generated from the API schema by `pnpm generate`
 * (zoneReaderOperations.generated.ts), and sent as its selection of `Zone` in an `_entities`
 * query (zoneEntityOperations.ts); figures are written as the `_entities` query itself. Either
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
  }
`;
