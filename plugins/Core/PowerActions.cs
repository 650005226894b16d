using System.Text.Json;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Vms;

namespace VmwareMcp.Plugins.Core;

/// <summary>Reads the original's <c>desired_state</c> words (POWER_ON …), case-insensitively.</summary>
internal static class PowerActions
{
    private static readonly Dictionary<string, PowerAction> ByName =
        Enum.GetValues<PowerAction>().ToDictionary(a => JsonNamingPolicy.SnakeCaseUpper.ConvertName(a.ToString()), StringComparer.OrdinalIgnoreCase);

    public static PowerAction Parse(string? text) =>
        text is not null && ByName.TryGetValue(text.Trim(), out var action)
            ? action
            : throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"desired_state '{text}' is not one of {string.Join(", ", ByName.Keys)}");
}
