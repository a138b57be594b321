import { ERRORS } from '@apollo/federation-internals';
import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';

/**
 * The operation a request runs and the document's fragments, picked as
 * @apollo/gateway's `buildOperationContext` picks them (same errors).
 */
export function findOperation(document: DocumentNode, operationName: string | undefined): { definition: OperationDefinitionNode; fragments: FragmentDefinitionNode[] } {
  let definition: OperationDefinitionNode | undefined;
  let count = 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const node of document.definitions) {
    if (node.kind === Kind.OPERATION_DEFINITION) {
      count++;
      if (!operationName && count > 1) throw ERRORS.INVALID_GRAPHQL.err('Must provide operation name if query contains multiple operations.');
      if (!operationName || node.name?.value === operationName) definition = node;
    } else if (node.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(node.name.value, node);
    }
  }
  if (!definition) throw ERRORS.INVALID_GRAPHQL.err(operationName ? `Unknown operation named "${operationName}".` : 'Must provide an operation.');
  return { definition, fragments: [...fragments.values()] };
}
