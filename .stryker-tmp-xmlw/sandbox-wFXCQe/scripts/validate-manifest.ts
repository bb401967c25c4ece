/**
 * Offline check of the add-in manifest: the XML schemas Microsoft published for add-in-only
 * manifests (../shared/schemas/office-addin-manifest, see its README), plus what the schemas do not
 * say but Office enforces: every resid resolves, resids are at most 32 characters, ids are unique.
 * (`office-addin-manifest validate` posts the file to a web service, unreachable from here.)
 *
 *   npm run validate-manifest [-- path/to/manifest.xml]     (default: manifest.xml)
 */
// @ts-nocheck

import * as fs from "node:fs";
import * as path from "node:path";
import { validateXML } from "xmllint-wasm";

export const MAIN_SCHEMA = "OfficeAppManifestV1_1.xsd";

/** ../shared/schemas/office-addin-manifest beside the repository, or $OFFICE_MANIFEST_SCHEMAS. */
export function defaultSchemaDir(): string {
  return process.env.OFFICE_MANIFEST_SCHEMAS ?? path.resolve(__dirname, "..", "..", "shared", "schemas", "office-addin-manifest");
}

export interface ManifestCheck {
  valid: boolean;
  /** Schema errors (xmllint's words) and consistency problems, one per line. */
  errors: string[];
}

/** Validates against the schemas; throws when they are missing (a check that cannot run must not pass). */
export async function validateManifestXml(xml: string, schemaDir = defaultSchemaDir()): Promise<ManifestCheck> {
  if (!fs.existsSync(path.join(schemaDir, MAIN_SCHEMA))) {
    throw new Error(`manifest schemas not found: ${path.join(schemaDir, MAIN_SCHEMA)}`);
  }
  const xsds = fs.readdirSync(schemaDir).filter((f) => f.endsWith(".xsd"));
  const read = (f: string) => ({ fileName: f, contents: fs.readFileSync(path.join(schemaDir, f), "utf8") });
  const result = await validateXML({
    xml: [{ fileName: "manifest.xml", contents: xml }],
    schema: [read(MAIN_SCHEMA)],
    preload: xsds.filter((f) => f !== MAIN_SCHEMA).map(read),
  });
  const errors = [...result.errors.map((e) => e.rawMessage.trim()), ...consistencyProblems(xml)];
  return { valid: result.valid && errors.length === 0, errors };
}

/** Every http(s) URL in the manifest (attribute values and element text), namespace declarations aside. */
export function manifestUrls(xml: string): string[] {
  const body = xml.replace(/<!--[\s\S]*?-->/g, "");
  const inAttributes = [...body.matchAll(/\s([\w:.-]+)="(https?:\/\/[^"]+)"/g)].filter((m) => !(m[1] ?? "").startsWith("xmlns")).map((m) => m[2] ?? "");
  const inText = [...body.matchAll(/>\s*(https?:\/\/[^<\s]+)\s*</g)].map((m) => m[1] ?? "");
  return [...inAttributes, ...inText];
}

/** What Office refuses although the schemas allow it. */
export function consistencyProblems(xml: string): string[] {
  const body = xml.replace(/<!--[\s\S]*?-->/g, "");
  const problems: string[] = [];
  const defined = [...body.matchAll(/<bt:(?:Image|Url|String)\s+id="([^"]+)"/g)].map((m) => m[1] ?? "");
  const used = [...body.matchAll(/resid="([^"]+)"/g)].map((m) => m[1] ?? "");
  for (const id of new Set(used)) {
    if (!defined.includes(id)) problems.push(`resid "${id}" is used but not defined in <Resources>`);
  }
  for (const id of defined) {
    if (id.length > 32) problems.push(`resource id "${id}" is longer than 32 characters`);
    if (!used.includes(id)) problems.push(`resource "${id}" is defined but never used`);
  }
  const ids = [...body.matchAll(/<(?:Group|Control|bt:Image|bt:Url|bt:String)\s[^>]*\bid="([^"]+)"/g)].map((m) => m[1] ?? "");
  for (const id of new Set(ids)) {
    if (ids.filter((x) => x === id).length > 1) problems.push(`id "${id}" is not unique`);
  }
  return problems;
}

if (require.main === module) {
  const file = path.resolve(process.argv[2] ?? "manifest.xml");
  validateManifestXml(fs.readFileSync(file, "utf8")).then(
    (r) => {
      if (r.valid) {
        console.log(`${file}: valid (${defaultSchemaDir()})`);
      } else {
        for (const e of r.errors) console.error(e);
        process.exitCode = 1;
      }
    },
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exitCode = 2;
    },
  );
}
