/**
 * SpreadsheetApp.newDataValidation() and newConditionalFormatRule(): builders and the built rules.
 * Only list validation (requireValueInList) and "text is exactly" conditional formatting are modelled;
 * the other criteria of the real builders are absent.
 */
import type { ConditionalRuleData, GridRange, ValidationData } from './sheetData';
import type { FakeRange } from './range';
import type { SheetEnv } from './sheetEnv';

export const DataValidationCriteria = { VALUE_IN_LIST: 'VALUE_IN_LIST' } as const;

export class FakeDataValidation {
  constructor(readonly data: ValidationData) {}
  getCriteriaType(): string {
    return this.data.criteria;
  }
  getCriteriaValues(): unknown[] {
    return [[...this.data.values], this.data.showDropdown];
  }
  getAllowInvalid(): boolean {
    return this.data.allowInvalid;
  }
  copy(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder({ ...this.data, values: [...this.data.values] });
  }
}

export class FakeDataValidationBuilder {
  constructor(private data: Partial<ValidationData> = { allowInvalid: true }) {}
  requireValueInList(values: string[], showDropdown = true): this {
    this.data = { ...this.data, criteria: 'VALUE_IN_LIST', values: values.map(String), showDropdown };
    return this;
  }
  setAllowInvalid(allowInvalid: boolean): this {
    this.data.allowInvalid = allowInvalid;
    return this;
  }
  build(): FakeDataValidation {
    if (!this.data.criteria || !this.data.values) throw new Error('You must specify a data validation criteria.');
    return new FakeDataValidation({
      criteria: this.data.criteria, values: this.data.values,
      showDropdown: this.data.showDropdown ?? true, allowInvalid: this.data.allowInvalid ?? true,
    });
  }
}

export class FakeConditionalFormatRule {
  constructor(readonly data: ConditionalRuleData, private readonly env: SheetEnv, private readonly sheetName: string) {}
  getRanges(): FakeRange[] {
    const sheet = this.env.doc.sheetData(this.sheetName);
    return sheet ? this.data.ranges.map((grid) => this.env.range({ data: sheet, grid })) : [];
  }
  getBooleanCondition(): { getCriteriaType(): string; getCriteriaValues(): unknown[] } | null {
    const text = this.data.textEqualTo;
    if (text === undefined) return null;
    return { getCriteriaType: () => 'TEXT_EQUAL_TO', getCriteriaValues: () => [text] };
  }
  copy(): FakeConditionalFormatRuleBuilder {
    return new FakeConditionalFormatRuleBuilder(this.env, { ...this.data, ranges: [...this.data.ranges] }, this.sheetName);
  }
}

export class FakeConditionalFormatRuleBuilder {
  constructor(
    private readonly env: SheetEnv,
    private readonly data: ConditionalRuleData = { ranges: [] },
    private sheetName?: string,
  ) {}
  whenTextEqualTo(text: string): this {
    this.data.textEqualTo = String(text);
    return this;
  }
  setBackground(color: string | null): this {
    this.data.background = color ?? undefined;
    return this;
  }
  setFontColor(color: string | null): this {
    this.data.fontColor = color ?? undefined;
    return this;
  }
  setRanges(ranges: FakeRange[]): this {
    const grids: GridRange[] = [];
    for (const range of ranges) {
      const ref = this.env.rangeRef(range);
      if (!ref) throw this.env.ctx.error("The parameters (Object) don't match the method signature for ConditionalFormatRuleBuilder.setRanges.");
      this.sheetName = ref.data.name;
      grids.push({ ...ref.grid });
    }
    this.data.ranges = grids;
    return this;
  }
  build(): FakeConditionalFormatRule {
    if (this.data.textEqualTo === undefined) throw this.env.ctx.error('No boolean condition was set for the conditional format rule.');
    return new FakeConditionalFormatRule({ ...this.data, ranges: [...this.data.ranges] }, this.env, this.sheetName ?? '');
  }
}
