import fc from 'fast-check';
import type { JsonValue } from '../../model/json.js';
import { renderYaml } from './renderYaml.js';
import { yamlStyle, type YamlStyle } from './yamlStyle.js';

/**
 * `value` written as a one-document YAML text in a generated formatting style (see
 * {@link yamlStyle}), or in `style` when given (then the arbitrary has a single text). Parsing the
 * text gives `value` back. For several documents, see {@link yamlFile}.
 */
export function yamlText(value: JsonValue, style?: YamlStyle | fc.Arbitrary<YamlStyle>): fc.Arbitrary<string> {
  const styles = style === undefined ? yamlStyle() : style instanceof fc.Arbitrary ? style : fc.constant(style);
  return styles.map((s) => renderYaml([value], s));
}
