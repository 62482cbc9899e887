import type { ColumnLayout, Row } from './columns';

/** One error of a GraphQL answer, as the gateway formats it. */
export interface GraphQLAnswerError {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: Readonly<Record<string, unknown>>;
}

/** A GraphQL answer the view turns into rows: data present, with the errors that remain for some of its zones. */
export interface ViewAnswer<Data> {
  readonly data: Data;
  readonly errors: readonly GraphQLAnswerError[];
}

/** The coerced values of a view's parameters, by name (absent when not given and without a default). */
export type Variables = Readonly<Record<string, unknown>>;

/**
 * A BI view: a stored GraphQL operation (`gateway/views/<name>.graphql`), the
 * parameters it takes (the operation's variables) and how its answer becomes rows.
 */
export interface ViewDefinition<Data> {
  /** The view's URL name, also the name of its `.graphql` file. */
  readonly name: string;
  readonly title: string;
  readonly description: string;
  /** What each variable of the operation means, by name: every variable needs one (a test checks). */
  readonly parameters: Readonly<Record<string, string>>;
  /**
   * Parameters the view reads itself and does not send to the gateway, as GraphQL
   * variable definitions (`$rows: Int! = 1000`), with their descriptions.
   */
  readonly localParameters?: { readonly definitions: string; readonly descriptions: Readonly<Record<string, string>> };
  /** Checks of the parameters beyond their types, before anything is run: the problem, naming the parameter. */
  check?(variables: Variables): ParameterProblem | undefined;
  readonly columns: ColumnLayout;
  /** The keys of each column group of `columns`, from the parameters and the answer. */
  groupKeys?(variables: Variables, data: Data): Readonly<Record<string, readonly string[]>>;
  /**
   * The root field whose items are zones (`zones`): an error under `[zoneList, i]` belongs
   * to the i-th zone and marks its rows. Any other error makes the whole view fail.
   */
  readonly zoneList?: string;
  /** The rows, produced one at a time (never the whole table at once). */
  rows(answer: ViewAnswer<Data>, variables: Variables): Iterable<Row>;
  /** Served only when the router is told to (a view for tests). */
  readonly testOnly?: boolean;
}

export interface ParameterProblem {
  readonly parameter: string;
  readonly message: string;
}

/** A view with its answer type erased, so views of different answers sit in one list. */
export type View = ViewDefinition<unknown>;

/**
 * The one place where a GraphQL answer is taken to have the shape of the view's
 * operation: the operation is ours and validated against the API schema (a test checks).
 */
export function defineView<Data>(definition: ViewDefinition<Data>): View {
  return definition as unknown as View;
}
