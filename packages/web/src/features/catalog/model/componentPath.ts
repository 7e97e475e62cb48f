/** The component page's route for an entity ref, as Backstage spells it: `/catalog/<namespace>/component/<name>`. */
export function componentPath(namespace: string, name: string): string {
  return `/catalog/${encodeURIComponent(namespace)}/component/${encodeURIComponent(name)}`;
}

/** The entity ref of a component page's route parameters. */
export function componentRefOf(namespace: string, name: string): string {
  return `component:${namespace}/${name}`;
}
