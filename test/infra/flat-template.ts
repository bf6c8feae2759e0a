/**
 * A stack's resources with its nested stacks' folded in, as if they were one template: the
 * functions live in nested stacks (infra/stacks/deploys.ts), and the tests read them beside the
 * table, the API and the alarms they refer to. A nested template's parameter is replaced by
 * what the parent passes it, and the parent's `Outputs.X` of a nested stack by that output's
 * value, so `{ Ref: table }` and `{ 'Fn::GetAtt': [fn, 'Arn'] }` read the same wherever the
 * resource lives.
 */
import { NestedStack, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';

export type Resources = Record<
  string,
  { Type: string; Properties?: any; DependsOn?: string[]; Metadata?: any; UpdatePolicy?: any; DeletionPolicy?: string }
>;

/** The nested stacks whose parent is `stack`. */
export function nestedStacksOf(stack: Stack): NestedStack[] {
  return stack.node.findAll().filter((c): c is NestedStack => c instanceof NestedStack && c.nestedStackParent === stack);
}

function mapJson(value: unknown, replace: (node: Record<string, unknown>) => unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => mapJson(v, replace));
  if (value && typeof value === 'object') {
    const replaced = replace(value as Record<string, unknown>);
    if (replaced !== undefined) return replaced;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapJson(v, replace)]));
  }
  return value;
}

export function flatResources(stack: Stack): Resources {
  const parent = Template.fromStack(stack).toJSON() as { Resources: Resources };
  let resources: Resources = { ...parent.Resources };
  const outputs = new Map<string, Record<string, { Value: unknown }>>();
  for (const nested of nestedStacksOf(stack)) {
    const template = Template.fromStack(nested).toJSON() as { Resources?: Resources; Outputs?: Record<string, { Value: unknown }> };
    const resourceId = stack.getLogicalId(nested.nestedStackResource!);
    const params = (parent.Resources[resourceId]?.Properties?.Parameters ?? {}) as Record<string, unknown>;
    const substitute = (v: unknown) => mapJson(v, (node) => (typeof node.Ref === 'string' && node.Ref in params ? params[node.Ref] : undefined));
    for (const [id, resource] of Object.entries(template.Resources ?? {})) {
      if (id in resources) throw new Error(`${id} is in both ${stack.stackName} and its nested ${nested.node.id}`);
      resources[id] = substitute(resource) as Resources[string];
    }
    outputs.set(resourceId, substitute(template.Outputs ?? {}) as Record<string, { Value: unknown }>);
    delete resources[resourceId];
  }
  // An output may be handed on to another nested stack as its parameter: fold until nothing changes.
  for (let before = ''; before !== JSON.stringify(resources); ) {
    before = JSON.stringify(resources);
    resources = mapJson(resources, (node) => {
      const att = node['Fn::GetAtt'];
      if (!Array.isArray(att) || typeof att[1] !== 'string' || !att[1].startsWith('Outputs.')) return undefined;
      return outputs.get(att[0] as string)?.[att[1].slice('Outputs.'.length)]?.Value;
    }) as Resources;
  }
  return resources;
}
