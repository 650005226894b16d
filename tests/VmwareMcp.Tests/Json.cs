using System.Text.Json;
using VmwareMcp.Host.Api;

namespace VmwareMcp.Tests;

/// <summary>The host's JSON naming, for reading its answers.</summary>
public static class Json
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        JsonDefaults.Apply(options);
        return options;
    }
}
