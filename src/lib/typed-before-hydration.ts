// On a slow phone the server-rendered form shows before its island runs, and people start typing.
// Hydration then renders the field from the island's state, which is empty: the text vanished
// (or, in some orders, stayed on screen while the state was empty, and the form said the field
// was empty). An island starts its state from what is already in the field: read while its first
// render runs, before that render is applied to the page (Search, ProgressBoard's selects). What
// was typed or chosen also wins over a value from the address (?q=, ?kode=, the board's filters):
// Search and Tracking look that up only for an empty field. Better still, a form that needs no framework is server-rendered and never redrawn
// (the kotak saran, src/lib/forms/saran-form.ts), so nothing typed can be lost.
export function typedBeforeHydration(id: string): string {
  if (typeof document === 'undefined') return '';
  const el = document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null;
  return el?.value ?? '';
}
