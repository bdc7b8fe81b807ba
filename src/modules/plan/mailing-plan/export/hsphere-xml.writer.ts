import { XMLBuilder } from 'fast-xml-parser';
import { EXTRA_FEATURE_ELEMENTS, type ExtraFeature } from '../import/extra-feature';
import { writeFeature } from '../import/hsphere-feature-values';
import { FLAG_NOTES, HSPHERE_FEATURES } from '../import/hsphere-features';
import { valuesOf } from '../mailing-plan';
import type { MailingPlan } from '../mailing-plan.entity';

// The serializer escapes every text and attribute value; empty elements are written as <a></a>, as H-Sphere does.
const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: false,
});

/** H-Sphere's plan type from the name: GoldMail → gold_mail, PlatinumPlusMail → platinum_plus_mail. */
export const planTypeOf = (name: string): string =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
    .toLowerCase();

/** Every mapped value, under H-Sphere's name, unit and convention. */
const mappedFeatures = (plan: MailingPlan) => {
  const values = valuesOf(plan);
  return HSPHERE_FEATURES.map((feature) => ({
    featureName: feature.name,
    featureDescription: `${feature.meaning}${FLAG_NOTES[feature.kind] ?? ''}`,
    featureValue: writeFeature(feature, values),
    unitDescription: feature.unit,
    nativeAttribute: feature.nativeAttribute,
    parentNode: feature.parentNode,
  }));
};

/** A kept feature with exactly the elements it came with. */
const keptFeature = (feature: ExtraFeature) =>
  Object.fromEntries(
    EXTRA_FEATURE_ELEMENTS.filter(([key]) => feature[key] !== undefined).map(([key, element]) => [
      element,
      feature[key],
    ]),
  );

/**
 * The plans as H-Sphere's mailing-plan file (`<plans><plan type="…"><planName>…`): every value as a mapped
 * feature, then the kept features as they came. Importing it gives the same plans back.
 */
export function writeHsphereXml(plans: MailingPlan[]): string {
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    plans: {
      plan: plans.map((plan) => ({
        '@_type': planTypeOf(plan.name),
        planName: plan.name,
        planDescription: plan.description,
        planFeatures: { feature: [...mappedFeatures(plan), ...plan.extraFeatures.map(keptFeature)] },
      })),
    },
  });
}
