// Copies the self-hosted web fonts from node_modules into the theme's static folder.
// Run `npm install && npm run fonts`; the result is committed, so the demo needs no npm.
import { copyFileSync, mkdirSync } from "node:fs";

const source = "node_modules/@fontsource/fira-sans";
const target = "themes/static/themes/fonts";
mkdirSync(target, { recursive: true });
for (const weight of ["400", "600"]) {
  const name = `fira-sans-latin-${weight}-normal.woff2`;
  copyFileSync(`${source}/files/${name}`, `${target}/${name}`);
}
copyFileSync(`${source}/LICENSE`, `${target}/OFL-1.1.txt`);
console.log(`fonts copied to ${target}`);
