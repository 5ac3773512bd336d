import { z } from 'astro/zod';

/** Frontmatter of a plain information page in `content/pages/*.md`. */
export const pageSchema = z.object({
  /** Page title, shown as the H1 and in the browser tab. */
  title: z.string().min(3),
  /** One-sentence summary for search results and link previews. */
  description: z.string().min(10).max(200),
  /** Which interactive island, if any, the page carries below its text. */
  island: z.enum(['saran']).optional(),
  /** Position in the footer's list of pages; lower comes first. */
  order: z.number().int().default(100),
});

export type PageFrontmatter = z.infer<typeof pageSchema>;
