namespace VmwareMcp.Host.Configuration;

/// <summary>
/// A key of the settings that the host does not read. It is warned about at start unless a loaded plugin
/// declares it (<see cref="Abstractions.Plugins.IVmwareMcpPlugin.ConfigurationKeys"/>), which is known only
/// once the plugins are loaded.
/// </summary>
/// <param name="Key">The key as written (<c>targets:0:kindd</c> for a target's).</param>
/// <param name="Message">The warning: file, key and the closest known key.</param>
public sealed record UnknownKey(string Key, string Message);
