import protobuf from 'protobufjs';

/*
 * The part of onnx.proto (https://github.com/onnx/onnx/blob/main/onnx/onnx.proto, field numbers
 * unchanged) that a small inference graph needs: enough to write a model ONNX Runtime loads.
 * protobufjs writes fields in declaration order, so the same model always gives the same bytes.
 */
const ONNX_SUBSET = `
syntax = "proto3";
package onnx;
message StringStringEntryProto { string key = 1; string value = 2; }
message OperatorSetIdProto { string domain = 1; int64 version = 2; }
message TensorProto {
  repeated int64 dims = 1;
  int32 data_type = 2;
  string name = 8;
  bytes raw_data = 9;
}
message AttributeProto {
  string name = 1;
  int64 i = 3;
  repeated int64 ints = 8;
  int32 type = 20;
}
message NodeProto {
  repeated string input = 1;
  repeated string output = 2;
  string name = 3;
  string op_type = 4;
  repeated AttributeProto attribute = 5;
}
message TensorShapeProto {
  message Dimension { oneof value { int64 dim_value = 1; string dim_param = 2; } }
  repeated Dimension dim = 1;
}
message TypeProto {
  message Tensor { int32 elem_type = 1; TensorShapeProto shape = 2; }
  Tensor tensor_type = 1;
}
message ValueInfoProto { string name = 1; TypeProto type = 2; }
message GraphProto {
  repeated NodeProto node = 1;
  string name = 2;
  repeated TensorProto initializer = 5;
  repeated ValueInfoProto input = 11;
  repeated ValueInfoProto output = 12;
}
message ModelProto {
  int64 ir_version = 1;
  string producer_name = 2;
  string producer_version = 3;
  GraphProto graph = 7;
  repeated OperatorSetIdProto opset_import = 8;
  repeated StringStringEntryProto metadata_props = 14;
}
`;

const modelProto = protobuf.parse(ONNX_SUBSET).root.lookupType('onnx.ModelProto');

/** TensorProto.DataType */
export const ONNX_FLOAT = 1;
export const ONNX_INT64 = 7;
/** AttributeProto.AttributeType */
const ATTRIBUTE_INT = 2;
const ATTRIBUTE_INTS = 7;

export interface OnnxNode {
  op: string;
  inputs: string[];
  outputs: string[];
  /** Integer and integer-list attributes (all these graphs need). */
  attributes?: Record<string, number | number[]>;
}

export interface OnnxTensorValue {
  name: string;
  elemType: number;
  /** A number is a fixed size, a string a symbolic one (batch, time). */
  shape: (number | string)[];
}

export interface OnnxGraph {
  name: string;
  nodes: OnnxNode[];
  /** Float weights, stored little-endian as raw_data. */
  initializers: { name: string; dims: number[]; values: Float32Array }[];
  inputs: OnnxTensorValue[];
  outputs: OnnxTensorValue[];
  opset: number;
  /** Model metadata (metadata_props), as engines such as sherpa-onnx read it. */
  metadata: Record<string, string | number>;
}

/** Serialises a graph as an ONNX ModelProto. */
export function encodeOnnxModel(graph: OnnxGraph): Uint8Array {
  const valueInfo = (v: OnnxTensorValue) => ({
    name: v.name,
    type: {
      tensorType: {
        elemType: v.elemType,
        shape: { dim: v.shape.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  });
  const message = modelProto.fromObject({
    irVersion: 7,
    producerName: 'earshot tools/random-onnx',
    producerVersion: '1',
    opsetImport: [{ domain: '', version: graph.opset }],
    metadataProps: Object.entries(graph.metadata).map(([key, value]) => ({ key, value: String(value) })),
    graph: {
      name: graph.name,
      node: graph.nodes.map((node, index) => ({
        name: `${node.op.toLowerCase()}_${index}`,
        opType: node.op,
        input: node.inputs,
        output: node.outputs,
        attribute: Object.entries(node.attributes ?? {}).map(([name, value]) =>
          Array.isArray(value)
            ? { name, ints: value, type: ATTRIBUTE_INTS }
            : { name, i: value, type: ATTRIBUTE_INT },
        ),
      })),
      initializer: graph.initializers.map((t) => ({
        name: t.name,
        dims: t.dims,
        dataType: ONNX_FLOAT,
        rawData: littleEndianFloats(t.values),
      })),
      input: graph.inputs.map(valueInfo),
      output: graph.outputs.map(valueInfo),
    },
  });
  return modelProto.encode(message).finish();
}

function littleEndianFloats(values: Float32Array): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return bytes;
}
