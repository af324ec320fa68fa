// Starts the shop's workflows that begin with the trigger `handle` (Admin API, any version since 2023-07: the
// `handle` + `payload` form; `body` is deprecated). https://shopify.dev/docs/api/admin-graphql/latest/mutations/flowTriggerReceive
export const FLOW_TRIGGER_RECEIVE_MUTATION = `#graphql
  mutation FlowTriggerReceive($handle: String, $payload: JSON) {
    flowTriggerReceive(handle: $handle, payload: $payload) {
      userErrors {
        field
        message
      }
    }
  }
`;
