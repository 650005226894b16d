using VmwareMcp.Abstractions.Errors;

namespace VmwareMcp.Vim25;

/// <summary>The one translation from vSphere fault types to the contract's error kinds.</summary>
public static class VimFaults
{
    /// <summary>Builds the <see cref="HypervisorException"/> for a fault.</summary>
    /// <param name="faultType">The vim25 fault type.</param>
    /// <param name="message">The endpoint's message.</param>
    public static HypervisorException Translate(string faultType, string message)
    {
        var kind = faultType switch
        {
            "ManagedObjectNotFound" or "NotFound" or "FileNotFound" => HypervisorErrorKind.NotFound,
            "DuplicateName" or "FileAlreadyExists" or "AlreadyExists" or "InvalidPowerState" or "InvalidState" or "TaskInProgress"
                or "ConcurrentAccess" or "ResourceInUse" or "SnapshotFault" or "InvalidSnapshotFormat" or "HostConfigFault"
                or "InsufficientResourcesFault" or "NoDiskSpace" or "VmConfigFault" or "NicSettingMismatch" or "CustomizationPending" => HypervisorErrorKind.Conflict,
            "InvalidArgument" or "InvalidName" or "InvalidDatastorePath" or "InvalidRequest" or "InvalidType" or "InvalidProperty"
                or "InvalidDeviceSpec" or "InvalidDatastore" or "OutOfBounds" => HypervisorErrorKind.InvalidArgument,
            "NotSupported" or "NotImplemented" or "MethodNotFound" => HypervisorErrorKind.NotSupported,
            "InvalidLogin" or "NotAuthenticated" or "HostCommunication" or "HostNotConnected" => HypervisorErrorKind.Unavailable,
            _ => HypervisorErrorKind.Failed,
        };

        return new HypervisorException(kind, $"{faultType}: {message}", faultType);
    }
}
