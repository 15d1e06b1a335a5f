using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace Mapper.Engine.Model.Network;

/// <summary>
/// Writes <see cref="AdapterWeights"/> as a plain ONNX model with core operators only:
/// Gather(E, ids) → Mul(weights) → ReduceSum(axis 1) → MatMul(W) → Add(b) → Mul(1/T) → Softmax.
/// The output is a pure function of its inputs (no timestamps), so the same weights give the same bytes.
/// </summary>
public static class OnnxModelWriter
{
    private const long IrVersion = 8;
    private const long Opset = 13;

    public static byte[] Write(AdapterWeights w, IReadOnlyList<KeyValuePair<string, string>> metadata)
    {
        var graph = new GraphProto { Name = "mapper_label_classifier" };
        graph.Input.Add(Value(OnnxGraph.InputIds, TensorProto.Types.DataType.Int64, Dim("batch"), Dim("width")));
        graph.Input.Add(Value(OnnxGraph.InputWeights, TensorProto.Types.DataType.Float, Dim("batch"), Dim("width"), Dim(1)));
        graph.Output.Add(Value(OnnxGraph.OutputProbabilities, TensorProto.Types.DataType.Float, Dim("batch"), Dim(w.Labels.Count)));

        graph.Initializer.Add(FloatTensor("E", w.Embedding, w.Buckets, w.Dim));
        graph.Initializer.Add(FloatTensor("W", w.Weight, w.Dim, w.Labels.Count));
        graph.Initializer.Add(FloatTensor("b", w.Bias, w.Labels.Count));
        graph.Initializer.Add(FloatTensor("inv_temperature", [1f / w.Temperature], 1));
        graph.Initializer.Add(Int64Tensor("pool_axis", [1], 1));

        graph.Node.Add(Node("Gather", [("E"), OnnxGraph.InputIds], "rows", Int("axis", 0)));
        graph.Node.Add(Node("Mul", ["rows", OnnxGraph.InputWeights], "weighted"));
        graph.Node.Add(Node("ReduceSum", ["weighted", "pool_axis"], "pooled", Int("keepdims", 0)));
        graph.Node.Add(Node("MatMul", ["pooled", "W"], "projected"));
        graph.Node.Add(Node("Add", ["projected", "b"], "logits"));
        graph.Node.Add(Node("Mul", ["logits", "inv_temperature"], "scaled"));
        graph.Node.Add(Node("Softmax", ["scaled"], OnnxGraph.OutputProbabilities, Int("axis", -1)));

        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "Mapper.Engine",
            ProducerVersion = "1",
            Graph = graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = Opset });
        foreach (var (key, value) in metadata)
        {
            model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        }

        return model.ToByteArray();
    }

    private static NodeProto Node(string op, string[] inputs, string output, AttributeProto? attribute = null)
    {
        var node = new NodeProto { OpType = op, Name = output + "_" + op };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        if (attribute is not null)
        {
            node.Attribute.Add(attribute);
        }

        return node;
    }

    private static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    private static TensorShapeProto.Types.Dimension Dim(string symbol) => new() { DimParam = symbol };

    private static TensorShapeProto.Types.Dimension Dim(long size) => new() { DimValue = size };

    private static ValueInfoProto Value(string name, TensorProto.Types.DataType type, params TensorShapeProto.Types.Dimension[] dims)
    {
        var shape = new TensorShapeProto();
        shape.Dim.AddRange(dims);
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }

    // Raw data is little-endian by the ONNX spec; every platform .NET runs this on is little-endian.
    private static TensorProto FloatTensor(string name, float[] data, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        tensor.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(data.AsSpan()));
        return tensor;
    }

    private static TensorProto Int64Tensor(string name, long[] data, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Dims.AddRange(dims);
        tensor.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(data.AsSpan()));
        return tensor;
    }
}
