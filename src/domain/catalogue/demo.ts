// The demo catalogue: the research data (53 commune procedures) as catalogue version 1, for a
// first run before the province's catalogue arrives. It goes through the same parser as any
// other catalogue, so the demo cannot drift from the schema unnoticed.
import demoCatalogueJson from './demo-catalogue.json';
import { parseCatalogue } from './schema';
import type { Catalogue } from './schema';

/** The parsed demo catalogue. Throws only if the bundled file itself is broken (a build bug). */
export function demoCatalogue(): Catalogue {
  const parsed = parseCatalogue(demoCatalogueJson);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}
