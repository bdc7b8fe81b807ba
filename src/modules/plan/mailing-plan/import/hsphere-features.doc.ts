import { HSPHERE_FEATURES, VALUE_CONVENTIONS } from './hsphere-features';

/**
 * The mapped features as a Markdown table (feature, other names read, plan value, meaning, unit, values), for the
 * import route's OpenAPI description; README.md holds the same table.
 */
export function hsphereFeaturesTable(): string {
  const rows = HSPHERE_FEATURES.map((feature) => {
    const name = feature.origin === 'ours' ? `${feature.name} (ours)` : feature.name;
    const aliases = feature.aliases.join(', ') || '–';
    const unit = feature.unit || '–';
    return `| ${name} | ${aliases} | \`${feature.field}\` | ${feature.meaning} | ${unit} | ${VALUE_CONVENTIONS[feature.kind]} |`;
  });
  return [
    '| featureName | also read as | plan value | meaning | unit written | featureValue |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
