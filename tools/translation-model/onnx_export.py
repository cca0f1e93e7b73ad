"""ONNX export of a MarianMTModel in the layout transformers.js loads (optimum's names).

optimum is not available on the training machine, so the Marian forward pass is re-stated here
with plain tensor operations over the trained model's own modules and weights (post-norm
layers, sinusoidal positions, scaled embeddings, tied output projection plus final_logits_bias).
verify_wrapper() proves the re-statement gives the Hugging Face model's logits, with and
without the key/value cache, before anything is exported.

Graphs and names:
- encoder_model.onnx: input_ids, attention_mask -> last_hidden_state
- decoder_model_merged.onnx: input_ids, encoder_attention_mask, encoder_hidden_states,
  past_key_values.{i}.{decoder,encoder}.{key,value} -> logits, present.{i}.{decoder,encoder}.{key,value}
  transformers.js starts generation with empty (length 0) past tensors, so one graph serves the
  first and the later steps and no `use_cache_branch` input is needed (transformers.js feeds it
  only when the graph declares it). Cross-attention keys/values are recomputed from
  encoder_hidden_states each step (cheap at this size); the past encoder tensors are still
  declared inputs so the cache names match transformers.js's, and are touched with a zero-weight
  sum so the exporter keeps them.
"""

import math
import os

import numpy as np
import torch
from torch import nn

NEGATIVE = -1e9


def sinusoidal_table(positions, dim):
    # Marian's layout: sines in the first half of the channels, cosines in the second.
    table = np.array([[pos / np.power(10000, 2 * (j // 2) / dim) for j in range(dim)] for pos in range(positions)])
    out = np.zeros((positions, dim), dtype=np.float32)
    half = dim // 2 + dim % 2
    out[:, :half] = np.sin(table[:, 0::2])
    out[:, half:] = np.cos(table[:, 1::2])
    return torch.from_numpy(out)


def split_heads(x, heads, head_dim):
    return x.reshape(x.shape[0], -1, heads, head_dim).transpose(1, 2)


def attend(attention, query_states, keys, values, bias, heads, head_dim):
    query = split_heads(attention.q_proj(query_states), heads, head_dim) * (head_dim**-0.5)
    scores = torch.matmul(query, keys.transpose(-1, -2)) + bias
    weights = torch.softmax(scores, dim=-1)
    context = torch.matmul(weights, values).transpose(1, 2)
    return attention.out_proj(context.reshape(context.shape[0], -1, heads * head_dim))


def project_kv(attention, states, heads, head_dim):
    return split_heads(attention.k_proj(states), heads, head_dim), split_heads(attention.v_proj(states), heads, head_dim)


def activation(layer):
    return getattr(layer, 'activation_fn', None) or torch.nn.functional.silu


def position_table(model, part, source):
    config = model.config
    if source == 'module':
        return getattr(model.model, part).embed_positions.weight.detach().clone().float()
    return sinusoidal_table(config.max_position_embeddings, config.d_model)


class MarianEncoderGraph(nn.Module):
    def __init__(self, model, embed_scale, positions='module'):
        super().__init__()
        config = model.config
        self.encoder = model.model.encoder
        self.heads = config.encoder_attention_heads
        self.head_dim = config.d_model // self.heads
        self.embed_scale = embed_scale
        self.register_buffer('positions', position_table(model, 'encoder', positions))

    def forward(self, input_ids, attention_mask):
        positions = torch.ones_like(input_ids[0]).cumsum(0) - 1
        hidden = self.encoder.embed_tokens(input_ids) * self.embed_scale + self.positions[positions]
        bias = (1.0 - attention_mask[:, None, None, :].to(hidden.dtype)) * NEGATIVE
        for layer in self.encoder.layers:
            keys, values = project_kv(layer.self_attn, hidden, self.heads, self.head_dim)
            attended = attend(layer.self_attn, hidden, keys, values, bias, self.heads, self.head_dim)
            hidden = layer.self_attn_layer_norm(hidden + attended)
            feed_forward = layer.fc2(activation(layer)(layer.fc1(hidden)))
            hidden = layer.final_layer_norm(hidden + feed_forward)
        return hidden


class MarianDecoderGraph(nn.Module):
    def __init__(self, model, embed_scale, positions='module'):
        super().__init__()
        config = model.config
        self.decoder = model.model.decoder
        self.lm_head = model.lm_head
        bias = getattr(model, 'final_logits_bias', None)
        if bias is None:
            bias = torch.zeros(model.lm_head.weight.shape[0])
        self.register_buffer('final_logits_bias', bias.detach().clone().reshape(-1))
        self.heads = config.decoder_attention_heads
        self.head_dim = config.d_model // self.heads
        self.embed_scale = embed_scale
        self.register_buffer('positions', position_table(model, 'decoder', positions))

    def forward(self, input_ids, encoder_attention_mask, encoder_hidden_states, *past):
        first_past_key = past[0]
        past_length = torch.ones_like(first_past_key[0, 0, :, 0], dtype=torch.long).sum()
        query_positions = torch.ones_like(input_ids[0]).cumsum(0) - 1 + past_length
        hidden = self.decoder.embed_tokens(input_ids) * self.embed_scale + self.positions[query_positions]
        cross_bias = (1.0 - encoder_attention_mask[:, None, None, :].to(hidden.dtype)) * NEGATIVE
        presents = []
        guard = hidden.new_zeros(())
        for index, layer in enumerate(self.decoder.layers):
            past_key, past_value, past_cross_key, past_cross_value = past[4 * index : 4 * index + 4]
            guard = guard + past_cross_key.sum() * 0.0 + past_cross_value.sum() * 0.0
            new_key, new_value = project_kv(layer.self_attn, hidden, self.heads, self.head_dim)
            keys = torch.cat([past_key, new_key], dim=2)
            values = torch.cat([past_value, new_value], dim=2)
            key_positions = torch.ones_like(keys[0, 0, :, 0], dtype=torch.long).cumsum(0) - 1
            causal = (key_positions[None, :] > query_positions[:, None]).to(hidden.dtype) * NEGATIVE
            attended = attend(layer.self_attn, hidden, keys, values, causal, self.heads, self.head_dim)
            hidden = layer.self_attn_layer_norm(hidden + attended)
            cross_key, cross_value = project_kv(layer.encoder_attn, encoder_hidden_states, self.heads, self.head_dim)
            attended = attend(layer.encoder_attn, hidden, cross_key, cross_value, cross_bias, self.heads, self.head_dim)
            hidden = layer.encoder_attn_layer_norm(hidden + attended)
            feed_forward = layer.fc2(activation(layer)(layer.fc1(hidden)))
            hidden = layer.final_layer_norm(hidden + feed_forward)
            presents.extend([keys, values, cross_key, cross_value])
        hidden = hidden + guard
        logits = torch.matmul(hidden, self.lm_head.weight.t()) + self.final_logits_bias
        return (logits, *presents)


def cache_names(layers, prefix):
    return [f'{prefix}.{i}.{part}.{kind}' for i in range(layers) for part in ('decoder', 'encoder') for kind in ('key', 'value')]


def empty_past(model, batch, source_length=0):
    config = model.config
    heads, head_dim = config.decoder_attention_heads, config.d_model // config.decoder_attention_heads
    past = []
    for _ in range(config.decoder_layers):
        past += [torch.zeros(batch, heads, 0, head_dim), torch.zeros(batch, heads, 0, head_dim)]
        past += [torch.zeros(batch, heads, source_length, head_dim), torch.zeros(batch, heads, source_length, head_dim)]
    return past


def _sample_batch(tokenizer, ids, sentences):
    encoded = [tokenizer.encode(s).ids for s in sentences]
    width = max(len(e) for e in encoded)
    input_ids = torch.tensor([e + [ids['pad']] * (width - len(e)) for e in encoded])
    return input_ids, (input_ids != ids['pad']).long()


@torch.no_grad()
def _compare(model, scale, positions, input_ids, attention_mask, decoder_ids):
    encoder = MarianEncoderGraph(model, scale, positions).eval()
    decoder = MarianDecoderGraph(model, scale, positions).eval()
    reference = model(input_ids=input_ids, attention_mask=attention_mask, decoder_input_ids=decoder_ids).logits
    reference_encoder = model.model.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
    hidden = encoder(input_ids, attention_mask)
    mask = attention_mask[:, :, None].float()
    encoder_diff = ((hidden - reference_encoder).abs() * mask).max().item()
    full = decoder(decoder_ids, attention_mask, hidden, *empty_past(model, input_ids.shape[0]))[0]
    full_diff = (full - reference).abs().max().item()
    past = empty_past(model, input_ids.shape[0])
    step_diff = 0.0
    for t in range(decoder_ids.shape[1]):
        outputs = decoder(decoder_ids[:, t : t + 1], attention_mask, hidden, *past)
        step_diff = max(step_diff, (outputs[0][:, 0] - reference[:, t]).abs().max().item())
        past = list(outputs[1:])
    return {'embed_scale': scale, 'positions': positions, 'encoder_max_abs_diff': encoder_diff, 'decoder_full_max_abs_diff': full_diff,
            'decoder_cached_max_abs_diff': step_diff}


def verify_wrapper(model, tokenizer, ids, sentences):
    """Finds the embedding scale convention that reproduces the HF model and records the differences."""
    input_ids, attention_mask = _sample_batch(tokenizer, ids, sentences)
    target, _ = _sample_batch(tokenizer, ids, ['We are outside Kharkiv, they shell us every night.'] * len(sentences))
    decoder_ids = torch.cat([torch.full((target.shape[0], 1), ids['pad']), target[:, :8]], dim=1)
    candidates = [(math.sqrt(model.config.d_model), 'module'), (1.0, 'module'), (math.sqrt(model.config.d_model), 'sinusoid')]
    results = []
    for scale, positions in candidates:
        try:
            results.append(_compare(model, scale, positions, input_ids, attention_mask, decoder_ids))
        except Exception as error:  # a convention this transformers version lacks
            print(f'wrapper candidate {scale}/{positions} failed: {error!r}', flush=True)
    if not results:
        raise RuntimeError('no wrapper convention could run')
    best = min(results, key=lambda r: r['decoder_full_max_abs_diff'] + r['encoder_max_abs_diff'])
    best['matches_hf'] = max(best['encoder_max_abs_diff'], best['decoder_full_max_abs_diff'], best['decoder_cached_max_abs_diff']) < 1e-3
    model._earshot_embed_scale = best['embed_scale']
    model._earshot_positions = best['positions']
    return {'chosen': best, 'tried': results}


def _export(module, args, path, input_names, output_names, dynamic_axes):
    try:
        torch.onnx.export(module, args, path, input_names=input_names, output_names=output_names,
                          dynamic_axes=dynamic_axes, opset_version=17, do_constant_folding=True, dynamo=False)
        return 'torchscript'
    except Exception as error:  # the TorchScript exporter may be gone in this torch version
        print(f'TorchScript export failed ({error!r}); trying the dynamo exporter', flush=True)
        torch.onnx.export(module, args, path, input_names=input_names, output_names=output_names,
                          dynamic_axes=dynamic_axes, opset_version=18, dynamo=True, external_data=False)
        return 'dynamo'


@torch.no_grad()
def export_onnx(model, folder):
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    os.makedirs(folder, exist_ok=True)
    scale = getattr(model, '_earshot_embed_scale', math.sqrt(model.config.d_model))
    positions = getattr(model, '_earshot_positions', 'module')
    layers = model.config.decoder_layers
    encoder = MarianEncoderGraph(model, scale, positions).eval()
    decoder = MarianDecoderGraph(model, scale, positions).eval()
    input_ids = torch.randint(3, model.config.vocab_size, (2, 7))
    attention_mask = torch.ones_like(input_ids)
    attention_mask[1, 5:] = 0
    encoder_path = os.path.join(folder, 'encoder_model.onnx')
    exporter = _export(encoder, (input_ids, attention_mask), encoder_path, ['input_ids', 'attention_mask'], ['last_hidden_state'],
                       {'input_ids': {0: 'batch_size', 1: 'encoder_sequence_length'},
                        'attention_mask': {0: 'batch_size', 1: 'encoder_sequence_length'},
                        'last_hidden_state': {0: 'batch_size', 1: 'encoder_sequence_length'}})

    hidden = encoder(input_ids, attention_mask)
    past = empty_past(model, 2, source_length=7)
    heads, head_dim = model.config.decoder_attention_heads, model.config.d_model // model.config.decoder_attention_heads
    for i in range(layers):  # trace with a non-empty self-attention cache so the concat stays dynamic
        past[4 * i] = torch.randn(2, heads, 3, head_dim)
        past[4 * i + 1] = torch.randn(2, heads, 3, head_dim)
    past_names, present_names = cache_names(layers, 'past_key_values'), cache_names(layers, 'present')
    dynamic = {'input_ids': {0: 'batch_size', 1: 'decoder_sequence_length'},
               'encoder_attention_mask': {0: 'batch_size', 1: 'encoder_sequence_length'},
               'encoder_hidden_states': {0: 'batch_size', 1: 'encoder_sequence_length'},
               'logits': {0: 'batch_size', 1: 'decoder_sequence_length'}}
    for name in past_names:
        dynamic[name] = {0: 'batch_size', 2: 'past_decoder_sequence_length' if '.decoder.' in name else 'encoder_sequence_length_out'}
    for name in present_names:
        dynamic[name] = {0: 'batch_size', 2: 'past_decoder_sequence_length + 1' if '.decoder.' in name else 'encoder_sequence_length_out'}
    decoder_path = os.path.join(folder, 'decoder_model_merged.onnx')
    _export(decoder, (torch.randint(3, model.config.vocab_size, (2, 1)), attention_mask, hidden, *past), decoder_path,
            ['input_ids', 'encoder_attention_mask', 'encoder_hidden_states', *past_names], ['logits', *present_names], dynamic)

    files = {}
    for base in ['encoder_model', 'decoder_model_merged']:
        source = os.path.join(folder, f'{base}.onnx')
        onnx.checker.check_model(source)
        quantized = os.path.join(folder, f'{base}_quantized.onnx')
        quantize_dynamic(source, quantized, weight_type=QuantType.QInt8)
        for path in [source, quantized]:
            files[os.path.basename(path)] = os.path.getsize(path)
    files['exporter'] = exporter
    return files


def ort_greedy_translate(folder, suffix, tokenizer, ids, sentences, max_new_tokens):
    """Greedy decoding with onnxruntime, stepping the cache the way transformers.js does."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = 4
    encoder = ort.InferenceSession(os.path.join(folder, f'encoder_model{suffix}.onnx'), options)
    decoder = ort.InferenceSession(os.path.join(folder, f'decoder_model_merged{suffix}.onnx'), options)
    past_inputs = [i for i in decoder.get_inputs() if i.name.startswith('past_key_values.')]
    output_names = [o.name for o in decoder.get_outputs()]
    results = []
    for sentence in sentences:
        source = np.array([tokenizer.encode(sentence).ids[:128]], dtype=np.int64)
        mask = np.ones_like(source)
        hidden = encoder.run(None, {'input_ids': source, 'attention_mask': mask})[0]
        past = {i.name: np.zeros([1, i.shape[1], 0, i.shape[3]], dtype=np.float32) for i in past_inputs}
        token, produced = ids['pad'], []
        for _ in range(max_new_tokens):
            feeds = {'input_ids': np.array([[token]], dtype=np.int64), 'encoder_attention_mask': mask,
                     'encoder_hidden_states': hidden, **past}
            outputs = decoder.run(None, feeds)
            logits = outputs[0][0, -1].copy()
            logits[ids['pad']] = -np.inf
            token = int(np.argmax(logits))
            if token == ids['eos']:
                break
            produced.append(token)
            past = {name.replace('present', 'past_key_values'): value for name, value in zip(output_names[1:], outputs[1:])}
        results.append(tokenizer.decode(produced, skip_special_tokens=True))
    return results
