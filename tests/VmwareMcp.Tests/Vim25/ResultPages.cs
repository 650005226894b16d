namespace VmwareMcp.Tests.Vim25;

/// <summary>RetrievePropertiesEx answers in the two shapes endpoints send.</summary>
internal static class ResultPages
{
    /// <summary>vCenter's shape: <c>xsi</c> declared once on the envelope; a reference, an array, an empty value, a missing path.</summary>
    public const string Vcenter = """
        <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <soapenv:Body><RetrievePropertiesExResponse xmlns="urn:vim25"><returnval>
        <objects><obj type="VirtualMachine">vm-42</obj>
          <propSet><name>name</name><val xsi:type="xsd:string">web &amp; db</val></propSet>
          <propSet><name>runtime.host</name><val type="HostSystem" xsi:type="ManagedObjectReference">host-21</val></propSet>
          <propSet><name>datastore</name><val xsi:type="ArrayOfManagedObjectReference"><ManagedObjectReference type="Datastore" xsi:type="ManagedObjectReference">datastore-1</ManagedObjectReference><ManagedObjectReference type="Datastore" xsi:type="ManagedObjectReference">datastore-2</ManagedObjectReference></val></propSet>
          <propSet><name>config.annotation</name><val xsi:type="xsd:string"/></propSet>
          <missingSet><path>guest.ipAddress</path><fault><fault xsi:type="NoPermission"/></fault></missingSet>
        </objects>
        <objects><obj type="VirtualMachine">vm-43</obj><propSet><name>name</name><val xsi:type="xsd:string">second</val></propSet></objects>
        </returnval></RetrievePropertiesExResponse></soapenv:Body></soapenv:Envelope>
        """;

    /// <summary>vcsim's shape: <c>xsi</c> declared again on every value under another prefix, arrays too.</summary>
    public const string Vcsim = """
        <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><RetrievePropertiesExResponse xmlns="urn:vim25"><returnval>
        <objects><obj type="VirtualMachine">vm-93</obj><propSet><name>name</name><val xmlns:XMLSchema-instance="http://www.w3.org/2001/XMLSchema-instance" XMLSchema-instance:type="xsd:string">DC0_H0_VM0</val></propSet><propSet><name>datastore</name><val xmlns:XMLSchema-instance="http://www.w3.org/2001/XMLSchema-instance" XMLSchema-instance:type="ArrayOfManagedObjectReference"><ManagedObjectReference type="Datastore">datastore-61</ManagedObjectReference></val></propSet></objects>
        </returnval></RetrievePropertiesExResponse></soapenv:Body></soapenv:Envelope>
        """;
}
