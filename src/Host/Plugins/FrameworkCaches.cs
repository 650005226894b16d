using System.Reflection;
using System.Reflection.Metadata;

namespace VmwareMcp.Host.Plugins;

/// <summary>
/// Framework libraries (System.Text.Json, ASP.NET Core, …) cache reflection data per type in static
/// dictionaries, which would keep an unloaded plugin's types, and so its load context, alive. Each library
/// declares a <see cref="MetadataUpdateHandlerAttribute"/> whose <c>ClearCache</c> drops those entries; the
/// host calls them after unloading a plugin, as <c>dotnet watch</c> does after a code change.
/// </summary>
internal static class FrameworkCaches
{
    public static void Clear()
    {
        foreach (var handler in AppDomain.CurrentDomain.GetAssemblies()
                     .Where(a => !a.IsCollectible)
                     .SelectMany(a => a.GetCustomAttributes<MetadataUpdateHandlerAttribute>())
                     .Select(a => a.HandlerType)
                     .Distinct())
        {
            var clear = handler.GetMethod("ClearCache", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic, [typeof(Type[])]);
            try
            {
                clear?.Invoke(null, [null]);
            }
            catch (TargetInvocationException)
            {
                // A cache that cannot be cleared only delays the unload; the plugin is gone either way.
            }
        }
    }
}
