using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;

namespace VmwareMcp.Host.Mcp;

/// <summary>
/// Gives every MCP session the same tool collection. The SDK builds server options per Streamable HTTP
/// session; without this, a tool added by a plugin dropped in later would reach SSE sessions only.
/// </summary>
internal sealed class SharedToolCollection : IPostConfigureOptions<McpServerOptions>
{
    private readonly Lock _gate = new();
    private McpServerPrimitiveCollection<McpServerTool>? _tools;

    public void PostConfigure(string? name, McpServerOptions options)
    {
        lock (_gate)
        {
            // The first options built hold the tools registered at start; later ones share that collection.
            if (_tools is null)
            {
                _tools = options.ToolCollection ?? [];
                foreach (var tool in _tools)
                {
                    ToolDeclarations.Apply(tool);
                }
            }

            options.ToolCollection = _tools;
        }
    }
}
