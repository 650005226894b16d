using System.Text.Json.Nodes;

namespace VmwareMcp.Tests.Security;

/// <summary>Values an attacker, a confused agent or a fuzzer sends instead of what a field expects.</summary>
public static class HostileValues
{
    public static IEnumerable<JsonNode?> All()
    {
        yield return null;
        yield return JsonValue.Create(string.Empty);
        yield return JsonValue.Create("   ");
        yield return JsonValue.Create(-1);
        yield return JsonValue.Create(0);
        yield return JsonValue.Create(2147483648L);
        yield return JsonValue.Create(-9_999_999_999L);
        yield return JsonValue.Create(1e308);
        yield return JsonValue.Create(1.5);
        yield return JsonValue.Create(true);
        yield return new JsonObject { ["nested"] = "object" };
        yield return new JsonArray(1, 2, 3);
        yield return JsonValue.Create(new string('x', 1_000_000));
        yield return JsonValue.Create("a\u0000b");
        yield return JsonValue.Create("\ud800lone");
        yield return JsonValue.Create("]]><soapenv:Body><Destroy_Task/></soapenv:Body>");
        yield return JsonValue.Create("<x>&amp;\"'");
        yield return JsonValue.Create("../../../etc/passwd");
        yield return JsonValue.Create("[LocalDS_0] ../../etc/shadow");
        yield return JsonValue.Create("C:\\Windows\\System32");
        yield return JsonValue.Create("%00%2e%2e%2f");
        yield return JsonValue.Create("' OR 1=1 --");
        yield return JsonValue.Create("${jndi:ldap://127.0.0.1/x}");
        yield return JsonValue.Create("\u202egnp.exe");
        yield return JsonValue.Create("EXPLODE");
        yield return JsonValue.Create("vm-99999");
    }

    /// <summary>The names the suite's valid base bodies create.</summary>
    public static readonly string[] BaseNames = ["h-create", "h-clone", "h-snap"];

    /// <summary>
    /// Names a VM may have after the suite: the base names and the hostile strings, also as JSON decoding
    /// leaves them (a lone surrogate arrives as U+FFFD, which is a valid name).
    /// </summary>
    public static HashSet<string> AllowedNames()
    {
        var strings = All().OfType<JsonValue>().Where(v => v.TryGetValue<string>(out _)).Select(v => v.GetValue<string>()).ToList();
        var decoded = strings.Select(s => System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(s)));
        return strings.Concat(decoded).Concat(BaseNames).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Whole bodies that are wrong before any field is read.</summary>
    public static IEnumerable<string> Bodies()
    {
        yield return "not json at all";
        yield return "[1,2,3]";
        yield return "null";
        yield return string.Empty;
        yield return "{\"vm_label\":\"dup\",\"vm_label\":\"dup2\"}";
        yield return new string('[', 5000) + new string(']', 5000);
        yield return "{\"vm_label\": \"unterminated";
    }
}
