import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { pageSchema } from './schemas/page';

// Content lives in the repository's top-level content/ folder so another office adopts
// the portal by editing content/ only.
const pages = defineCollection({
  loader: glob({ base: './content/pages', pattern: '*.md' }),
  schema: pageSchema,
});

export const collections = { pages };
