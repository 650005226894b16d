using System.Security.Cryptography;
using System.Text;
using VmwareMcp.Host.Security;

namespace VmwareMcp.Host.Configuration;

/// <summary>Reads <c>tokens:</c> and the original's <c>access_token</c> into <see cref="TokenGrant"/>s.</summary>
internal static class TokenGrants
{
    public static List<TokenGrant> Read(SettingReader reader, string? accessToken)
    {
        var grants = new List<TokenGrant>();
        if (accessToken is not null)
        {
            // The original's single key keeps working, with every right it always had.
            grants.Add(new TokenGrant("access_token", Hash(accessToken), Scope.Admin, []));
        }

        for (var i = 0; reader.Has($"tokens:{i}"); i++)
        {
            var prefix = $"tokens:{i}:";
            var name = reader.RequiredString(prefix + "name", "every token needs a name, which logs show instead of the token");
            var token = reader.String(prefix + "token");
            var hash = reader.String(prefix + "token_sha256");
            if ((token is null) == (hash is null))
            {
                throw reader.Error(prefix + "token", "give exactly one of token or token_sha256 (hex SHA-256 of the token)");
            }

            byte[] sha256;
            try
            {
                sha256 = hash is null ? Hash(token!) : Convert.FromHexString(hash);
            }
            catch (FormatException)
            {
                throw reader.Error(prefix + "token_sha256", "expected 64 hex digits");
            }

            if (sha256.Length != 32)
            {
                throw reader.Error(prefix + "token_sha256", "expected 64 hex digits");
            }

            grants.Add(new TokenGrant(name, sha256, HighestScope(reader, prefix + "scopes"), reader.List(prefix + "targets")));
        }

        var duplicate = grants.GroupBy(g => g.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? grants : throw reader.Error("tokens", $"the token name '{duplicate.Key}' is used twice");
    }

    private static Scope HighestScope(SettingReader reader, string key)
    {
        var scopes = reader.List(key);
        if (scopes.Count == 0)
        {
            throw reader.Error(key, "missing: list at least one of read, operate, admin");
        }

        return scopes.Select(s => Enum.TryParse<Scope>(s, ignoreCase: true, out var scope) && Enum.IsDefined(scope)
            ? scope
            : throw reader.Error(key, $"'{s}' is not one of read, operate, admin")).Max();
    }

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
