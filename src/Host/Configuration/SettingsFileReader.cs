using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace VmwareMcp.Host.Configuration;

/// <summary>Reads a <c>--config</c> file, YAML (.yml/.yaml) or JSON, into flat configuration keys.</summary>
internal static class SettingsFileReader
{
    public static FlatSettings Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"{path}: cannot read the config file: {ex.Message}");
        }

        var settings = new FlatSettings { Origin = path };
        var extension = Path.GetExtension(path).ToLowerInvariant();
        switch (extension)
        {
            case ".json":
                ReadJson(path, text, settings);
                break;
            case ".yml" or ".yaml":
                ReadYaml(path, text, settings);
                break;
            default:
                throw new ConfigurationException($"{path}: unknown config format '{extension}': use .yml, .yaml or .json");
        }

        return settings;
    }

    private static void ReadJson(string path, string text, FlatSettings settings)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ConfigurationException($"{path}: the top level must be an object of settings");
            }

            Flatten(document.RootElement, prefix: null, settings);
        }
        catch (JsonException ex)
        {
            throw new ConfigurationException($"{path}: malformed JSON at line {ex.LineNumber + 1}: {FirstSentence(ex.Message)}");
        }
    }

    private static void Flatten(JsonElement element, string? prefix, FlatSettings settings)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                MarkContainer(prefix, settings);
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, Join(prefix, property.Name), settings);
                }

                break;
            case JsonValueKind.Array:
                MarkContainer(prefix, settings);
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, Join(prefix, (index++).ToString(System.Globalization.CultureInfo.InvariantCulture)), settings);
                }

                break;
            case JsonValueKind.Null:
                settings.Values[prefix!] = null;
                break;
            case JsonValueKind.String:
                settings.Values[prefix!] = element.GetString();
                break;
            default:
                settings.Values[prefix!] = element.GetRawText();
                break;
        }
    }

    private static void ReadYaml(string path, string text, FlatSettings settings)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new ConfigurationException($"{path}: malformed YAML at line {ex.Start.Line}: {FirstSentence(ex.InnerException?.Message ?? ex.Message)}");
        }

        if (stream.Documents.Count == 0)
        {
            return;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode)
        {
            throw new ConfigurationException($"{path}: the top level must be a mapping of settings (key: value lines)");
        }

        Flatten(stream.Documents[0].RootNode, prefix: null, settings);
    }

    private static void Flatten(YamlNode node, string? prefix, FlatSettings settings)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                MarkContainer(prefix, settings);
                foreach (var (key, value) in mapping.Children)
                {
                    Flatten(value, Join(prefix, ((YamlScalarNode)key).Value ?? string.Empty), settings);
                }

                break;
            case YamlSequenceNode sequence:
                MarkContainer(prefix, settings);
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Flatten(sequence.Children[i], Join(prefix, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), settings);
                }

                break;
            case YamlScalarNode scalar:
                var isNull = scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or null;
                settings.Values[prefix!] = isNull ? null : scalar.Value;
                break;
        }
    }

    private static void MarkContainer(string? prefix, FlatSettings settings)
    {
        if (prefix is not null)
        {
            settings.Containers.Add(prefix);
        }
    }

    private static string Join(string? prefix, string key) => prefix is null ? key : $"{prefix}:{key}";

    private static string FirstSentence(string message)
    {
        var line = message.Split('\n')[0].Trim();
        return line.Length > 200 ? line[..200] : line;
    }
}
