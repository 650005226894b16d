using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace VmwareMcp.Host.Plugins;

/// <summary>A tool of a plugin loaded at run time: activated with the plugin's services ahead of the host's.</summary>
internal sealed class PluginTool(McpServerTool inner, IServiceProvider pluginServices) : DelegatingMcpServerTool(inner)
{
    public override ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        request.Services = new PluginServiceProvider(pluginServices, request.Services ?? pluginServices);
        return base.InvokeAsync(request, cancellationToken);
    }
}
