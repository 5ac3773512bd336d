// On a slow phone the server-rendered form shows before its island runs, and people start typing.
// Hydration then renders the field from the island's state, which is empty: the text vanished
// (or, in some orders, stayed on screen while the state was empty, and the form said the field
// was empty). An island starts its state from what is already in the field: read while its first
// render runs, before that render is applied to the page.
export function typedBeforeHydration(id: string): string {
  if (typeof document === 'undefined') return '';
  const el = document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | null;
  return el?.value ?? '';
}
