namespace VmwareMcp.Tests.Configuration;

/// <summary>Writes config files into a fresh temporary folder.</summary>
internal static class SettingsFiles
{
    public static string Write(string fileName, string content)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("vmwaremcp-config-").FullName, fileName);
        File.WriteAllText(path, content);
        return path;
    }

    public const string SeedYaml = """
        vcenter_endpoint: "192.168.1.100"
        login_credential: "svc_account@domain"
        secret_key: "super-secret-password"
        resource_datacenter: "DC01"
        resource_compute_pool: "ComputeClusterA"
        resource_storage: "FastStorage01"
        default_port_group: "VM Traffic"
        verify_ssl_cert: false
        access_token: "secure-app-token-123"
        logging_output: "/var/log/vmware_mgmt.log"
        logging_severity: "INFO"
        """;

    public const string SeedJson = """
        {
          "vcenter_endpoint": "192.168.1.100",
          "login_credential": "svc_account@domain",
          "secret_key": "super-secret-password",
          "resource_datacenter": "DC01",
          "resource_compute_pool": "ComputeClusterA",
          "resource_storage": "FastStorage01",
          "default_port_group": "VM Traffic",
          "verify_ssl_cert": false,
          "access_token": "secure-app-token-123",
          "logging_output": "/var/log/vmware_mgmt.log",
          "logging_severity": "INFO"
        }
        """;
}
