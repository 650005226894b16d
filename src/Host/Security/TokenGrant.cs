namespace VmwareMcp.Host.Security;

/// <summary>One configured token: its name, the SHA-256 of its value, its scope and the targets it may touch.</summary>
/// <param name="Name">Shown in logs and the audit log instead of the token.</param>
/// <param name="Sha256">SHA-256 of the token's UTF-8 bytes.</param>
/// <param name="Scope">Its highest scope.</param>
/// <param name="Targets">Target names it may touch; empty means all.</param>
public sealed record TokenGrant(string Name, byte[] Sha256, Scope Scope, IReadOnlyList<string> Targets);
