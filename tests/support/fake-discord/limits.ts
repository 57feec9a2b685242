import { ButtonStyle, ComponentType, MessageFlags } from 'discord-api-types/v10';
import type { FieldError } from './errors.js';

/** Documented Discord limits (https://discord.com/developers/docs/resources/message, …/components). */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooterText: 2048,
  embedAuthorName: 256,
  embedTotal: 6000,
  actionRows: 5,
  componentsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  selectOptions: 25,
  selectOptionText: 100,
  selectPlaceholder: 150,
  attachments: 10,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceStringValue: 100,
  modalTitle: 45,
  commandName: 32,
  commandDescription: 100,
  commandOptions: 25,
  chatInputCommands: 100,
} as const;

type Path = (string | number)[];
type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const textLength = (value: unknown): number => (typeof value === 'string' ? [...value].length : 0);

function maxLength(errors: FieldError[], path: Path, value: unknown, max: number): void {
  if (textLength(value) > max) errors.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
}

function maxItems(errors: FieldError[], path: Path, value: unknown, max: number): void {
  if (asArray(value).length > max) errors.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
}

function required(errors: FieldError[], path: Path, value: unknown): void {
  if (typeof value !== 'string' || value.length === 0) {
    errors.push({ path, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
  }
}

/** Checks content, embeds, components and attachments of a create or edit body. */
export function checkMessageLimits(body: JsonRecord, fileCount = 0): FieldError[] {
  const errors: FieldError[] = [];
  maxLength(errors, ['content'], body['content'], LIMITS.content);
  checkEmbeds(errors, body['embeds']);
  const isComponentsV2 = typeof body['flags'] === 'number' && (body['flags'] & MessageFlags.IsComponentsV2) !== 0;
  if (!isComponentsV2) checkActionRows(errors, body['components']);
  if (Math.max(asArray(body['attachments']).length, fileCount) > LIMITS.attachments) {
    errors.push({ path: ['attachments'], code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${LIMITS.attachments} or fewer in length.` });
  }
  return errors;
}

function checkEmbeds(errors: FieldError[], embeds: unknown): void {
  maxItems(errors, ['embeds'], embeds, LIMITS.embeds);
  let total = 0;
  asArray(embeds).forEach((embed, index) => {
    if (!isRecord(embed)) return;
    const path: Path = ['embeds', index];
    maxLength(errors, [...path, 'title'], embed['title'], LIMITS.embedTitle);
    maxLength(errors, [...path, 'description'], embed['description'], LIMITS.embedDescription);
    maxItems(errors, [...path, 'fields'], embed['fields'], LIMITS.embedFields);
    total += textLength(embed['title']) + textLength(embed['description']);
    asArray(embed['fields']).forEach((field, fieldIndex) => {
      if (!isRecord(field)) return;
      const fieldPath: Path = [...path, 'fields', fieldIndex];
      required(errors, [...fieldPath, 'name'], field['name']);
      required(errors, [...fieldPath, 'value'], field['value']);
      maxLength(errors, [...fieldPath, 'name'], field['name'], LIMITS.embedFieldName);
      maxLength(errors, [...fieldPath, 'value'], field['value'], LIMITS.embedFieldValue);
      total += textLength(field['name']) + textLength(field['value']);
    });
    const footer = embed['footer'];
    if (isRecord(footer)) {
      maxLength(errors, [...path, 'footer', 'text'], footer['text'], LIMITS.embedFooterText);
      total += textLength(footer['text']);
    }
    const author = embed['author'];
    if (isRecord(author)) {
      maxLength(errors, [...path, 'author', 'name'], author['name'], LIMITS.embedAuthorName);
      total += textLength(author['name']);
    }
  });
  if (total > LIMITS.embedTotal) {
    errors.push({ path: ['embeds'], code: 'MAX_EMBED_SIZE_EXCEEDED', message: `Embed size exceeds maximum size of ${LIMITS.embedTotal}` });
  }
}

function checkActionRows(errors: FieldError[], components: unknown): void {
  maxItems(errors, ['components'], components, LIMITS.actionRows);
  const seenCustomIds = new Set<string>();
  asArray(components).forEach((row, rowIndex) => {
    if (!isRecord(row) || row['type'] !== ComponentType.ActionRow) return;
    const children = asArray(row['components']);
    const rowPath: Path = ['components', rowIndex, 'components'];
    if (children.length < 1 || children.length > LIMITS.componentsPerRow) {
      errors.push({ path: rowPath, code: 'BASE_TYPE_BAD_LENGTH', message: `Must be between 1 and ${LIMITS.componentsPerRow} in length.` });
    }
    const hasSelect = children.some((child) => isRecord(child) && child['type'] !== ComponentType.Button);
    if (hasSelect && children.length > 1) {
      errors.push({ path: rowPath, code: 'COMPONENT_LAYOUT_WIDTH_EXCEEDED', message: 'The specified component exceeds the maximum width' });
    }
    children.forEach((child, childIndex) => {
      if (isRecord(child)) checkInteractiveComponent(errors, [...rowPath, childIndex], child, seenCustomIds);
    });
  });
}

function checkInteractiveComponent(errors: FieldError[], path: Path, component: JsonRecord, seenCustomIds: Set<string>): void {
  const customId = component['custom_id'];
  const isLinkOrPremium = component['style'] === ButtonStyle.Link || component['style'] === ButtonStyle.Premium;
  if (component['type'] === ComponentType.Button) {
    maxLength(errors, [...path, 'label'], component['label'], LIMITS.buttonLabel);
    if (!isLinkOrPremium) required(errors, [...path, 'custom_id'], customId);
  } else {
    required(errors, [...path, 'custom_id'], customId);
    maxLength(errors, [...path, 'placeholder'], component['placeholder'], LIMITS.selectPlaceholder);
    maxItems(errors, [...path, 'options'], component['options'], LIMITS.selectOptions);
    asArray(component['options']).forEach((option, index) => {
      if (!isRecord(option)) return;
      for (const key of ['label', 'value', 'description']) {
        maxLength(errors, [...path, 'options', index, key], option[key], LIMITS.selectOptionText);
      }
    });
  }
  maxLength(errors, [...path, 'custom_id'], customId, LIMITS.customId);
  if (typeof customId === 'string') {
    if (seenCustomIds.has(customId)) {
      errors.push({ path: [...path, 'custom_id'], code: 'COMPONENT_CUSTOM_ID_DUPLICATED', message: 'Component custom id cannot be duplicated' });
    }
    seenCustomIds.add(customId);
  }
}

/** Discord refuses a new message with nothing to show (code 50006). */
export function isEmptyMessage(body: JsonRecord, fileCount: number): boolean {
  const hasContent = typeof body['content'] === 'string' && body['content'].trim().length > 0;
  return !hasContent && asArray(body['embeds']).length === 0 && asArray(body['components']).length === 0
    && asArray(body['sticker_ids']).length === 0 && body['poll'] === undefined && fileCount === 0;
}

export function checkAutocompleteChoices(data: JsonRecord): FieldError[] {
  const errors: FieldError[] = [];
  maxItems(errors, ['data', 'choices'], data['choices'], LIMITS.autocompleteChoices);
  asArray(data['choices']).forEach((choice, index) => {
    if (!isRecord(choice)) return;
    required(errors, ['data', 'choices', index, 'name'], choice['name']);
    maxLength(errors, ['data', 'choices', index, 'name'], choice['name'], LIMITS.choiceName);
    maxLength(errors, ['data', 'choices', index, 'value'], choice['value'], LIMITS.choiceStringValue);
  });
  return errors;
}

export function checkModal(data: JsonRecord): FieldError[] {
  const errors: FieldError[] = [];
  required(errors, ['data', 'title'], data['title']);
  maxLength(errors, ['data', 'title'], data['title'], LIMITS.modalTitle);
  required(errors, ['data', 'custom_id'], data['custom_id']);
  maxLength(errors, ['data', 'custom_id'], data['custom_id'], LIMITS.customId);
  const count = asArray(data['components']).length;
  if (count < 1 || count > LIMITS.actionRows) {
    errors.push({ path: ['data', 'components'], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 5 in length.' });
  }
  return errors;
}

// Discord's documented command-name pattern (lower case only for chat-input commands).
const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function checkName(errors: FieldError[], path: Path, name: unknown, lowercase: boolean): void {
  const valid = typeof name === 'string' && COMMAND_NAME.test(name) && (!lowercase || name === name.toLowerCase());
  if (!valid) errors.push({ path, code: 'APPLICATION_COMMAND_INVALID_NAME', message: 'Command name is invalid' });
}

function checkDescription(errors: FieldError[], path: Path, description: unknown): void {
  const length = textLength(description);
  if (length < 1 || length > LIMITS.commandDescription) {
    errors.push({ path, code: 'BASE_TYPE_BAD_LENGTH', message: `Must be between 1 and ${LIMITS.commandDescription} in length.` });
  }
}

const SUBCOMMAND_TYPES = new Set([1, 2]);

function checkOptions(errors: FieldError[], path: Path, options: unknown): void {
  maxItems(errors, path, options, LIMITS.commandOptions);
  let sawOptional = false;
  asArray(options).forEach((option, index) => {
    if (!isRecord(option)) return;
    const optionPath: Path = [...path, index];
    checkName(errors, [...optionPath, 'name'], option['name'], true);
    checkDescription(errors, [...optionPath, 'description'], option['description']);
    maxItems(errors, [...optionPath, 'choices'], option['choices'], LIMITS.selectOptions);
    if (option['required'] === true && sawOptional) {
      errors.push({ path: [...optionPath, 'required'], code: 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', message: 'Required options must be placed before non-required options' });
    }
    if (option['required'] !== true) sawOptional = true;
    if (typeof option['type'] === 'number' && SUBCOMMAND_TYPES.has(option['type'])) {
      checkOptions(errors, [...optionPath, 'options'], option['options']);
    }
  });
}

/** Validates a bulk-overwrite body the way Discord does (names, descriptions, option order, duplicates). */
export function checkCommandDefinitions(commands: unknown[]): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  let chatInputCount = 0;
  commands.forEach((command, index) => {
    if (!isRecord(command)) {
      errors.push({ path: [index], code: 'DICT_TYPE_CONVERT', message: 'Only dictionaries may be used in a DictType' });
      return;
    }
    const type = typeof command['type'] === 'number' ? command['type'] : 1;
    const isChatInput = type === 1;
    if (isChatInput) chatInputCount += 1;
    checkName(errors, [index, 'name'], command['name'], isChatInput);
    if (isChatInput) checkDescription(errors, [index, 'description'], command['description']);
    checkOptions(errors, [index, 'options'], command['options']);
    const key = `${type}:${String(command['name'])}`;
    if (seen.has(key)) {
      errors.push({ path: [index, 'name'], code: 'APPLICATION_COMMANDS_DUPLICATE_NAME', message: 'Application command names must be unique' });
    }
    seen.add(key);
  });
  if (chatInputCount > LIMITS.chatInputCommands) {
    errors.push({ path: [], code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${LIMITS.chatInputCommands} or fewer in length.` });
  }
  return errors;
}
