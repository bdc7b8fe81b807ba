import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DomainError, type FieldError } from '../../../shared/errors/domain.error';
import type { MailingPlanField } from '../mailing-plan';
import {
  EXTRA_FEATURE_ELEMENTS,
  EXTRA_FEATURE_LIMITS,
  extraFeatureErrors,
  type ExtraFeature,
} from './extra-feature';
import { readFeature } from './hsphere-feature-values';
import { featureNamed } from './hsphere-features';
import { labelOf, MAX_IMPORTED_PLANS, type PlanCandidate } from './imported-plan';

const PLAN_ELEMENTS = ['planName', 'planDescription', 'planFeatures'];
const FEATURE_ELEMENTS = EXTRA_FEATURE_ELEMENTS.map(([, element]) => element);
const PREDEFINED = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
]);

// No DTD is ever read: entities stay as written (we decode only the five predefined ones and &#…; ourselves).
const parser = new XMLParser({
  processEntities: false,
  htmlEntities: false,
  ignoreAttributes: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
  // Every element as an array, so a repeated element is seen instead of silently merged.
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});

type Children = Record<string, unknown[]>;

const invalid = (rule: string, message: string, field = 'content'): DomainError =>
  DomainError.validation([{ field, rule, message }]);

const lineAt = (text: string, index: number): number => text.slice(0, index).split('\n').length;

function childrenOf(node: unknown): Children {
  if (typeof node !== 'object' || node === null) return {};
  return Object.fromEntries(
    Object.entries(node).filter(
      (entry): entry is [string, unknown[]] => Array.isArray(entry[1]) && !entry[0].startsWith('@_'),
    ),
  );
}

/** The text of a leaf element; null for an element that holds other elements. */
function textOf(node: unknown): string | null {
  if (typeof node === 'string') return node;
  if (Object.keys(childrenOf(node)).length > 0) return null;
  const text = (node as Record<string, unknown>)['#text'];
  return typeof text === 'string' ? text : '';
}

const isXmlChar = (code: number): boolean =>
  code === 0x9 ||
  code === 0xa ||
  code === 0xd ||
  (code >= 0x20 && code <= 0xd7ff) ||
  (code >= 0xe000 && code <= 0xfffd) ||
  (code >= 0x10000 && code <= 0x10ffff);

/** The character an entity reference (`amp`, `#65`, `#x42`) stands for; undefined for any other. */
function characterOf(ref: string): string | undefined {
  if (!ref.startsWith('#')) return PREDEFINED.get(ref);
  const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
  return isXmlChar(code) ? String.fromCodePoint(code) : undefined;
}

/** Decodes &lt; &gt; &amp; &quot; &apos; and character references; any other entity is an error. */
function decodeText(text: string): { text: string } | { error: string } {
  let refused: string | undefined;
  const decoded = text.replace(/&(#x[0-9A-Fa-f]{1,6}|#\d{1,7}|[A-Za-z][\w.-]*);/g, (whole, ref: string) => {
    const character = characterOf(ref);
    if (character === undefined) refused ??= whole;
    return character ?? whole;
  });
  return refused === undefined
    ? { text: decoded }
    : { error: `${refused} is not allowed: only &lt; &gt; &amp; &quot; &apos; and character references are` };
}

/** Reads one element that may appear at most once: its text, or null when absent; pushes errors. */
function single(
  children: Children,
  name: string,
  field: string,
  label: string,
  errors: FieldError[],
): string | null {
  const found = children[name];
  if (!found) return null;
  if (found.length > 1) {
    errors.push({ field, rule: 'single', message: `${label}: <${name}> appears ${found.length} times` });
  }
  const text = textOf(found[0]);
  if (text === null) {
    errors.push({ field, rule: 'isText', message: `${label}: <${name}> must hold text, not elements` });
    return null;
  }
  const decoded = decodeText(text);
  if ('error' in decoded) {
    errors.push({ field, rule: 'entity', message: `${label}: <${name}>: ${decoded.error}` });
    return null;
  }
  return decoded.text;
}

function unknownElements(children: Children, allowed: string[], field: string, label: string): FieldError[] {
  return Object.keys(children)
    .filter((name) => !allowed.includes(name))
    .map((name) => ({
      field: `${field}.${name}`,
      rule: 'knownElement',
      message: `${label}: unknown element <${name}>; expected ${allowed.map((a) => `<${a}>`).join(', ')}`,
    }));
}

/** Reads a feature that maps to no plan value, to be kept as it came; pushes its errors. */
function readExtraFeature(
  elements: Children,
  name: string,
  at: { prefix: string; position: number; label: string },
  candidate: PlanCandidate,
  errors: FieldError[],
) {
  const feature: ExtraFeature = { name };
  const clean = extraFeatureErrors(feature, '', '').length === 0;
  const field = clean ? `${at.prefix}.${name}` : `${at.prefix}[${at.position}].featureName`;
  for (const [key, element] of EXTRA_FEATURE_ELEMENTS) {
    if (key === 'name' || !elements[element]) continue;
    const text = single(elements, element, field, at.label, errors);
    if (text !== null) feature[key] = text;
  }
  errors.push(...extraFeatureErrors(feature, field, at.label));
  if (candidate.extraFeatures.some((kept) => kept.name.toLowerCase() === name.toLowerCase())) {
    errors.push({ field, rule: 'single', message: `${at.label}: feature "${name}" is given twice` });
    return;
  }
  candidate.extraFeatures.push(feature);
}

function readFeatures(
  node: unknown,
  index: number,
  label: string,
  candidate: PlanCandidate,
  errors: FieldError[],
) {
  const prefix = `plans[${index}].features`;
  const children = childrenOf(node);
  errors.push(...unknownElements(children, ['feature'], prefix, label));
  const seen = new Set<MailingPlanField>();
  (children.feature ?? []).forEach((feature, position) => {
    const elements = childrenOf(feature);
    errors.push(...unknownElements(elements, FEATURE_ELEMENTS, `${prefix}[${position}]`, label));
    const name = single(elements, 'featureName', `${prefix}[${position}].featureName`, label, errors);
    if (name === '' || !elements.featureName) {
      errors.push({
        field: `${prefix}[${position}].featureName`,
        rule: 'required',
        message: `${label}: feature ${position} has no <featureName>`,
      });
    }
    if (!name) return;
    const spec = featureNamed(name);
    if (!spec) {
      readExtraFeature(elements, name, { prefix, position, label }, candidate, errors);
      return;
    }
    const field = `${prefix}.${spec.name}`;
    if (seen.has(spec.field)) {
      errors.push({ field, rule: 'single', message: `${label}: feature ${spec.name} is given twice` });
      return;
    }
    seen.add(spec.field);
    const value = single(elements, 'featureValue', field, label, errors);
    const unit = single(elements, 'unitDescription', field, label, errors);
    if (value === '' || !elements.featureValue) {
      errors.push({
        field,
        rule: 'required',
        message: `${label}: feature ${spec.name} has no <featureValue>`,
      });
    }
    if (!value) return;
    const read = readFeature(spec, value, unit);
    if ('error' in read) {
      errors.push({ field, rule: read.rule, message: `${label}: feature ${spec.name}: ${read.error}` });
      return;
    }
    candidate.raw[spec.field] = read.value;
    candidate.sources[spec.field] = field;
  });
  const kept = candidate.extraFeatures.length;
  if (kept > EXTRA_FEATURE_LIMITS.perPlan) {
    errors.push({
      field: prefix,
      rule: 'arrayMaxSize',
      message: `${label}: ${kept} features map to no plan value; at most ${EXTRA_FEATURE_LIMITS.perPlan} are kept per plan`,
    });
  }
}

/** Reads one <plan>; null (with the errors pushed) when its structure or a value is wrong. */
function readPlan(node: unknown, index: number, errors: FieldError[]): PlanCandidate | null {
  const before = errors.length;
  const prefix = `plans[${index}]`;
  const children = childrenOf(node);
  const candidate: PlanCandidate = {
    index,
    raw: {},
    sources: { name: `${prefix}.planName`, description: `${prefix}.planDescription` },
    extraFeatures: [],
  };
  const name = single(children, 'planName', `${prefix}.planName`, prefix, errors);
  const label = labelOf(index, name);
  if (!children.planName) {
    errors.push({
      field: `${prefix}.planName`,
      rule: 'required',
      message: `${label}: <planName> is missing`,
    });
  }
  candidate.raw.name = name ?? '';
  errors.push(...unknownElements(children, PLAN_ELEMENTS, prefix, label));
  const description = single(children, 'planDescription', `${prefix}.planDescription`, label, errors);
  if (description !== null) candidate.raw.description = description;
  if (children.planFeatures) {
    if (children.planFeatures.length > 1) {
      errors.push({
        field: `${prefix}.planFeatures`,
        rule: 'single',
        message: `${label}: <planFeatures> appears ${children.planFeatures.length} times`,
      });
    }
    readFeatures(children.planFeatures[0], index, label, candidate, errors);
  }
  return errors.length === before ? candidate : null;
}

/**
 * Reads H-Sphere's mailing-plan file (`<plans><plan><planName>…`). Refuses DOCTYPE and ENTITY declarations
 * before parsing (no XXE, no entity expansion) and names the line of a syntax error. Returns the plans that
 * read cleanly and the errors of the others (unknown elements, missing names, unreadable values), so the caller
 * can report them together with its own checks. A feature that maps to no plan value is no error: it is kept on
 * the candidate as it came (bounded in number and length, no control characters).
 */
export function parseHsphereXml(content: string): { candidates: PlanCandidate[]; errors: FieldError[] } {
  const declaration = /<!(DOCTYPE|ENTITY)/i.exec(content);
  if (declaration) {
    throw invalid(
      'noDoctype',
      `line ${lineAt(content, declaration.index)}: <!${declaration[1]} …> declarations are not accepted (no DTDs or custom entities); remove it`,
    );
  }
  const check = XMLValidator.validate(content);
  if (check !== true) {
    throw invalid('wellFormedXml', `line ${check.err.line}, column ${check.err.col}: ${check.err.msg}`);
  }
  let document: Children;
  try {
    document = childrenOf(parser.parse(content));
  } catch (error) {
    throw invalid('wellFormedXml', (error as Error).message);
  }
  const roots = Object.entries(document).flatMap(([name, nodes]) => nodes.map(() => name));
  if (roots.length !== 1 || roots[0] !== 'plans') {
    throw invalid(
      'rootElement',
      `the document must have one root element <plans>, found ${roots.map((r) => `<${r}>`).join(', ')}`,
    );
  }
  const top = childrenOf(document.plans[0]);
  const errors = unknownElements(top, ['plan'], 'plans', 'the file');
  const plans = top.plan ?? [];
  if (plans.length === 0)
    errors.push({ field: 'plans', rule: 'arrayMinSize', message: 'the file holds no <plan>' });
  if (plans.length > MAX_IMPORTED_PLANS) {
    throw invalid(
      'arrayMaxSize',
      `the file holds ${plans.length} plans; at most ${MAX_IMPORTED_PLANS} are accepted`,
      'plans',
    );
  }
  const candidates = plans
    .map((plan, index) => readPlan(plan, index, errors))
    .filter((candidate) => candidate !== null);
  return { candidates, errors };
}
