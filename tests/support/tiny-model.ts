/**
 * A tiny, generated, BERT-shaped feature-extraction model for tests: a WordPiece tokenizer with a
 * ~180-entry vocabulary and an ONNX graph that is just embeddings (word + position + token type,
 * zeroed where the attention mask is 0). It loads through the same transformers.js code path as
 * the real model (`pipeline('feature-extraction', modelId, { dtype: 'q8' })` with
 * `env.localModelPath = modelDir`), needs no network, and takes a few milliseconds to write.
 *
 * transformers.js memoises file look-ups per model id (not per localModelPath) within a process,
 * so give every generated model its own id, e.g. `test/tiny-e5-${randomUUID()}`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import onnxProto from 'onnx-proto';
import type { onnx as OnnxTypes } from 'onnx-proto';
import { prng } from '../../bench/synthetic.js';

const { onnx } = onnxProto;

export interface TinyModel {
  modelDir: string;
  modelId: string;
  dims: number;
}

const SPECIAL = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz'.split('');
const DIGITS = '0123456789'.split('');
const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'.split('');
const WORDS = [
  // the e5 prefixes
  'query', 'passage',
  // English
  'the', 'a', 'an', 'of', 'and', 'to', 'in', 'is', 'it', 'who', 'what', 'when', 'where', 'why', 'how',
  'plays', 'play', 'film', 'movie', 'rust', 'bone', 'director', 'actor', 'actress', 'whale', 'trainer',
  'boxer', 'fight', 'water', 'son', 'sea', 'love', 'story', 'year',
  // Portuguese
  'o', 'de', 'que', 'quem', 'um', 'uma', 'em', 'do', 'da', 'filme', 'ferrugem', 'osso', 'diretor',
  'atriz', 'baleia', 'treinadora', 'filho', 'mar', 'amor', 'ano', 'com', 'para', 'nao',
  // names from the corpus
  'marion', 'cotillard', 'matthias', 'schoenaerts', 'stephanie', 'ali', 'sam', 'jacques', 'audiard',
];
const PIECES = ['##s', '##es', '##ed', '##ing', '##er', '##ly', '##a', '##o', '##e', '##ao', '##oes', '##mente'];
const LETTER_PIECES = LETTERS.map((c) => `##${c}`);
const DIGIT_PIECES = DIGITS.map((c) => `##${c}`);

/** The vocabulary, in id order. Every ascii word splits into known pieces, so only other scripts hit [UNK]. */
export const TINY_VOCAB: readonly string[] = [
  ...new Set([...SPECIAL, ...PUNCTUATION, ...DIGITS, ...LETTERS, ...WORDS, ...PIECES, ...LETTER_PIECES, ...DIGIT_PIECES]),
];

const MAX_POSITIONS = 512;
const TYPE_VOCAB = 2;

function randomTable(random: () => number, rows: number, cols: number, scale: number): Float32Array {
  const table = new Float32Array(rows * cols);
  for (let i = 0; i < table.length; i++) table[i] = (random() * 2 - 1) * scale;
  return table;
}

function floatTensor(name: string, dims: number[], values: Float32Array): OnnxTypes.ITensorProto {
  return {
    name,
    dims,
    dataType: onnx.TensorProto.DataType.FLOAT,
    // raw_data is little-endian; so is every platform Node runs on in practice.
    rawData: new Uint8Array(values.buffer, values.byteOffset, values.byteLength),
  };
}

function int64Tensor(name: string, dims: number[], values: number[]): OnnxTypes.ITensorProto {
  return { name, dims, dataType: onnx.TensorProto.DataType.INT64, int64Data: values };
}

function valueInfo(name: string, elemType: OnnxTypes.TensorProto.DataType, dims: (string | number)[]): OnnxTypes.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType,
        shape: { dim: dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) },
      },
    },
  };
}

function node(opType: string, input: string[], output: string[], attribute: OnnxTypes.IAttributeProto[] = []): OnnxTypes.INodeProto {
  return { opType, input, output, attribute, name: output[0] ?? opType };
}

/**
 * last_hidden_state = (word_emb[input_ids] + type_emb[token_type_ids] + pos_emb[0..seq)) * attention_mask
 * All three declared inputs are used, so the output depends on each of them.
 */
function buildModel(vocabSize: number, dims: number, seed: number): Uint8Array {
  const random = prng(seed);
  const words = randomTable(random, vocabSize, dims, 1);
  const positions = randomTable(random, MAX_POSITIONS, dims, 0.1);
  const types = randomTable(random, TYPE_VOCAB, dims, 0.1);
  const { INT64, FLOAT } = onnx.TensorProto.DataType;
  const batchSeq = ['batch_size', 'sequence_length'];

  const graph: OnnxTypes.IGraphProto = {
    name: 'tiny_bert_embeddings',
    input: [valueInfo('input_ids', INT64, batchSeq), valueInfo('attention_mask', INT64, batchSeq), valueInfo('token_type_ids', INT64, batchSeq)],
    output: [valueInfo('last_hidden_state', FLOAT, [...batchSeq, dims])],
    initializer: [
      floatTensor('word_embeddings', [vocabSize, dims], words),
      floatTensor('position_embeddings', [MAX_POSITIONS, dims], positions),
      floatTensor('token_type_embeddings', [TYPE_VOCAB, dims], types),
      int64Tensor('zero', [], [0]),
      int64Tensor('one', [], [1]),
      int64Tensor('last_axis', [1], [-1]),
    ],
    node: [
      node('Gather', ['word_embeddings', 'input_ids'], ['word_vectors'], [{ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 0 }]),
      node('Gather', ['token_type_embeddings', 'token_type_ids'], ['type_vectors'], [{ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 0 }]),
      node('Shape', ['input_ids'], ['input_shape']),
      node('Gather', ['input_shape', 'one'], ['seq_len'], [{ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 0 }]),
      node('Range', ['zero', 'seq_len', 'one'], ['position_ids']),
      node('Gather', ['position_embeddings', 'position_ids'], ['position_vectors'], [{ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 0 }]),
      node('Add', ['word_vectors', 'type_vectors'], ['word_type_vectors']),
      node('Add', ['word_type_vectors', 'position_vectors'], ['embeddings']),
      node('Cast', ['attention_mask'], ['mask_float'], [{ name: 'to', type: onnx.AttributeProto.AttributeType.INT, i: FLOAT }]),
      node('Unsqueeze', ['mask_float', 'last_axis'], ['mask_3d']),
      node('Mul', ['embeddings', 'mask_3d'], ['last_hidden_state']),
    ],
  };
  const model = onnx.ModelProto.fromObject({
    irVersion: 8,
    opsetImport: [{ domain: '', version: 13 }],
    producerName: 'tests/support/tiny-model',
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}

function tokenizerJson(vocab: readonly string[]): object {
  const id = (token: string): number => vocab.indexOf(token);
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL.map((content) => ({
      id: id(content),
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: true, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [id('[CLS]')], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [id('[SEP]')], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocab.map((token, i) => [token, i])),
    },
  };
}

function tokenizerConfig(): object {
  return {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    strip_accents: null,
    tokenize_chinese_chars: true,
    clean_up_tokenization_spaces: true,
    model_max_length: MAX_POSITIONS,
    padding_side: 'right',
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    mask_token: '[MASK]',
  };
}

function modelConfig(vocabSize: number, dims: number): object {
  return {
    model_type: 'bert',
    architectures: ['BertModel'],
    vocab_size: vocabSize,
    hidden_size: dims,
    num_hidden_layers: 0,
    num_attention_heads: 1,
    intermediate_size: dims,
    max_position_embeddings: MAX_POSITIONS,
    type_vocab_size: TYPE_VOCAB,
    pad_token_id: 0,
    hidden_act: 'gelu',
    layer_norm_eps: 1e-12,
  };
}

/** Writes a tiny BERT-shaped feature-extraction model under `${modelDir}/${modelId}/` and returns where it is. */
export async function writeTinyModel(modelDir: string, modelId: string, options?: { dims?: number; seed?: number }): Promise<TinyModel> {
  const dims = options?.dims ?? 16;
  const seed = options?.seed ?? 42;
  if (!Number.isInteger(dims) || dims < 1) throw new Error(`dims must be a positive integer, got ${dims}`);
  const root = path.join(modelDir, modelId);
  await mkdir(path.join(root, 'onnx'), { recursive: true });
  const weights = buildModel(TINY_VOCAB.length, dims, seed);
  const json = (value: object) => JSON.stringify(value, null, 2) + '\n';
  await Promise.all([
    writeFile(path.join(root, 'config.json'), json(modelConfig(TINY_VOCAB.length, dims))),
    writeFile(path.join(root, 'tokenizer.json'), json(tokenizerJson(TINY_VOCAB))),
    writeFile(path.join(root, 'tokenizer_config.json'), json(tokenizerConfig())),
    // dtype 'q8' reads model_quantized.onnx, dtype 'fp32' reads model.onnx; fp32 weights in both.
    writeFile(path.join(root, 'onnx', 'model_quantized.onnx'), weights),
    writeFile(path.join(root, 'onnx', 'model.onnx'), weights),
  ]);
  return { modelDir, modelId, dims };
}
