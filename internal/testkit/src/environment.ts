/**
 * Runs `body` with these environment variables set (undefined: unset), and puts every one back as
 * it was when `body` ends or throws: for a stack or gateway that reads its settings from the
 * environment as it starts.
 */
export async function withEnvironment<T>(variables: Readonly<Record<string, string | undefined>>, body: () => Promise<T>): Promise<T> {
  const earlier = Object.fromEntries(Object.keys(variables).map((name) => [name, process.env[name]]));
  const set = (values: Readonly<Record<string, string | undefined>>) => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  set(variables);
  try {
    return await body();
  } finally {
    set(earlier);
  }
}
