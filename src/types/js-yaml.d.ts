// The one function of js-yaml (Astro's own YAML parser, a dependency here so content/ is read
// the same way outside Astro) that the portal uses; the package ships no types.
declare module 'js-yaml' {
  export function load(text: string, options?: { filename?: string }): unknown;
}
