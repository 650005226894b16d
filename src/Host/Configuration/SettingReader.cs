using System.Globalization;

namespace VmwareMcp.Host.Configuration;

/// <summary>Typed reads of flat settings; every failure names the origin, the key and what is expected.</summary>
internal sealed class SettingReader(FlatSettings settings)
{
    public string Origin => settings.Origin;

    public bool Has(string key) => settings.Values.ContainsKey(key) || settings.Containers.Contains(key);

    public string? String(string key)
    {
        if (settings.Containers.Contains(key))
        {
            throw Error(key, "expected a single value, found a list or mapping");
        }

        var value = settings.Values.GetValueOrDefault(key);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public string RequiredString(string key, string hint) =>
        String(key) ?? throw Error(key, $"missing, and it is mandatory: {hint}");

    public bool Bool(string key, bool fallback)
    {
        var value = String(key);
        return value?.ToLowerInvariant() switch
        {
            null => fallback,
            "true" or "yes" or "on" or "1" => true,
            "false" or "no" or "off" or "0" => false,
            _ => throw Error(key, $"expected true or false, found '{value}'"),
        };
    }

    public int Int(string key, int fallback, int min, int max)
    {
        var value = String(key);
        if (value is null)
        {
            return fallback;
        }

        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            throw Error(key, $"expected a whole number, found '{value}'");
        }

        return number >= min && number <= max ? number : throw Error(key, $"must be between {min} and {max}, found {number}");
    }

    /// <summary>A list value (<c>[a, b]</c>), or a single value as a one-item list; empty when absent.</summary>
    public List<string> List(string key)
    {
        var items = new List<string>();
        for (var i = 0; String($"{key}:{i}") is { } item; i++)
        {
            items.Add(item);
        }

        if (items.Count == 0 && Has(key) && String(key) is { } single)
        {
            items.Add(single);
        }

        return items;
    }

    public ConfigurationException Error(string key, string problem)
    {
        var variable = EnvironmentOverrides.Map.FirstOrDefault(m => string.Equals(m.Key, key, StringComparison.OrdinalIgnoreCase)).Variable;
        var name = variable is null ? key : $"{key} (env {variable})";
        return new ConfigurationException($"{Origin}: {name}: {problem}");
    }
}
