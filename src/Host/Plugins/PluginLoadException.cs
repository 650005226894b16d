namespace VmwareMcp.Host.Plugins;

/// <summary>Why one plugin could not be loaded; shown in <c>/api/v1/plugins</c> and the log.</summary>
internal sealed class PluginLoadException(string message, Exception? inner = null) : Exception(message, inner);
