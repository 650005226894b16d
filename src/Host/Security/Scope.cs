using System.Security.Claims;

namespace VmwareMcp.Host.Security;

/// <summary>What a token may do; each scope includes the ones below it.</summary>
public enum Scope
{
    /// <summary>Inventory and metrics.</summary>
    Read = 1,

    /// <summary>Power, create, clone, reconfigure, snapshots.</summary>
    Operate = 2,

    /// <summary>Delete, plugins, audit.</summary>
    Admin = 3,
}

/// <summary>Reads a caller's scope and targets from its claims.</summary>
public static class CallerScopes
{
    /// <summary>Claim holding the token's highest scope.</summary>
    public const string ScopeClaim = "vmcp:scope";

    /// <summary>Claim holding one target the token may touch; none means every target.</summary>
    public const string TargetClaim = "vmcp:target";

    /// <summary>The caller's scope; a caller without the claim (stdio, background work) is trusted fully.</summary>
    public static Scope Of(ClaimsPrincipal? user) =>
        user?.FindFirst(ScopeClaim)?.Value is { } value && Enum.TryParse<Scope>(value, ignoreCase: true, out var scope) ? scope
        : user?.Identity?.IsAuthenticated == true ? Scope.Read
        : Scope.Admin;

    /// <summary>Whether the caller may touch <paramref name="target"/>.</summary>
    public static bool MayTouch(ClaimsPrincipal? user, string target)
    {
        var allowed = user?.FindAll(TargetClaim).Select(c => c.Value).ToList();
        return allowed is null || allowed.Count == 0 || allowed.Contains(target, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The host's scope for one a tool or route declared in the contract.</summary>
    public static Scope Needed(this VmwareMcp.Abstractions.Policy.PolicyAttribute policy) => policy.Scope switch
    {
        VmwareMcp.Abstractions.Policy.AccessScope.Read => Scope.Read,
        VmwareMcp.Abstractions.Policy.AccessScope.Operate => Scope.Operate,
        _ => Scope.Admin,
    };

    /// <summary>Lower-case name as config and messages write it.</summary>
    public static string Name(this Scope scope) => scope.ToString().ToLowerInvariant();
}
