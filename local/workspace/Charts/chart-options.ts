/**
 * ChartOptions: the options of a chart as Google Charts names them, read back by getOptions().get(name).
 * Reference: https://developers.google.com/apps-script/reference/charts/chart-options
 */

/** Options by name as setOption stored them; a dotted name ('legend.position') is one key. */
export type OptionMap = ReadonlyMap<string, unknown>;

/**
 * The value of a dotted option name: stored under that name, or inside an object stored under a shorter one
 * ('legend.position' in {legend: {position: 'top'}}). Undefined when not set.
 */
export function optionValue(options: OptionMap, name: string): unknown {
  const parts = name.split('.');
  for (let i = parts.length; i >= 1; i--) {
    const key = parts.slice(0, i).join('.');
    if (!options.has(key)) continue;
    let value = options.get(key);
    for (const part of parts.slice(i)) {
      if (typeof value !== 'object' || value === null) return undefined;
      value = (value as Record<string, unknown>)[part];
    }
    if (value !== undefined) return value;
  }
  return undefined;
}

/** The options are immutable, as the reference says: a copy is taken when the chart is built. */
export class ChartOptionsObject {
  constructor(private readonly options: OptionMap) {}

  /** The value set for the option, or null when it was not set. */
  get(option: string): unknown {
    if (typeof option !== 'string') {
      throw new Error(
        `The parameters (${option === null || option === undefined ? 'null' : typeof option}) don't match the method signature for Charts.ChartOptions.get.`,
      );
    }
    return optionValue(this.options, option) ?? null;
  }
}
