// `npm run gen:api`: writes the API's TypeScript types from the document the routes build.
import fs from "node:fs";
import { API_TYPES_FILE, generateApiTypes } from "./lib/api-types.ts";

fs.writeFileSync(API_TYPES_FILE, await generateApiTypes());
console.log(`wrote ${API_TYPES_FILE}`);
