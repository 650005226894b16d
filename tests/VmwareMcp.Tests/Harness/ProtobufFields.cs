using System.Buffers.Binary;
using System.Text;

namespace VmwareMcp.Tests.Harness;

/// <summary>One field of a protobuf message: its number and either its varint/fixed value or its bytes.</summary>
public readonly record struct ProtobufField(int Number, ulong Value, ReadOnlyMemory<byte> Bytes)
{
    public string Text => Encoding.UTF8.GetString(Bytes.Span);

    /// <summary>
    /// The fields of a message, in order. Enough of the wire format to read OTLP without generated code:
    /// the test decodes what the SDK really sent, not what a protobuf library of ours would make of it.
    /// </summary>
    public static List<ProtobufField> Read(ReadOnlyMemory<byte> message)
    {
        var fields = new List<ProtobufField>();
        var span = message.Span;
        var at = 0;
        while (at < span.Length)
        {
            var key = Varint(span, ref at);
            var number = (int)(key >> 3);
            switch (key & 7)
            {
                case 0:
                    fields.Add(new(number, Varint(span, ref at), default));
                    break;
                case 1:
                    fields.Add(new(number, BinaryPrimitives.ReadUInt64LittleEndian(span[at..]), default));
                    at += 8;
                    break;
                case 2:
                    var length = (int)Varint(span, ref at);
                    fields.Add(new(number, 0, message.Slice(at, length)));
                    at += length;
                    break;
                case 5:
                    fields.Add(new(number, BinaryPrimitives.ReadUInt32LittleEndian(span[at..]), default));
                    at += 4;
                    break;
                default:
                    throw new InvalidDataException($"wire type {key & 7} at byte {at} is not one OTLP uses");
            }
        }

        return fields;
    }

    private static ulong Varint(ReadOnlySpan<byte> span, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = span[at++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
