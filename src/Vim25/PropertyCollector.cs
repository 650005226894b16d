using System.Xml;
using System.Xml.Linq;
using VmwareMcp.Abstractions.Errors;

namespace VmwareMcp.Vim25;

/// <summary>
/// Inventory reads that cost one RetrievePropertiesEx (plus continuations) however many objects match,
/// never one call per object.
/// </summary>
public static class PropertyCollector
{
    /// <summary>Objects fetched per page; vCenter may return fewer.</summary>
    public const int PageSize = 1000;

    /// <summary>Every object of <paramref name="type"/> below <paramref name="root"/>, with <paramref name="paths"/>.</summary>
    /// <param name="client">The session.</param>
    /// <param name="root">Where to search (a folder, datacenter, cluster…); null for the root folder.</param>
    /// <param name="type">Managed object type, for example <c>VirtualMachine</c>.</param>
    /// <param name="paths">Property paths to read.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static Task<List<ObjectContent>> RetrieveAllAsync(this VimClient client, ManagedObjectReference? root, string type, IReadOnlyCollection<string> paths, CancellationToken cancellationToken) =>
        client.RetrieveAllAsync(root, [new PropertySpec(type, paths)], cancellationToken);

    /// <summary>Every object of each spec's type below <paramref name="root"/>, all in one RetrievePropertiesEx.</summary>
    /// <param name="client">The session.</param>
    /// <param name="root">Where to search; null for the root folder.</param>
    /// <param name="specs">Types with the paths to read for each (subtypes match too).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<List<ObjectContent>> RetrieveAllAsync(this VimClient client, ManagedObjectReference? root, IReadOnlyCollection<PropertySpec> specs, CancellationToken cancellationToken)
    {
        var results = new List<ObjectContent>();
        await client.RetrieveEachAsync(root, specs, results.Add, cancellationToken);
        return results;
    }

    /// <summary>
    /// Like <see cref="RetrieveAllAsync(VimClient, ManagedObjectReference?, IReadOnlyCollection{PropertySpec}, CancellationToken)"/>,
    /// but hands each object to <paramref name="each"/> as it is read, so a caller that keeps only a
    /// projection lets the XML values die young (for thousands of objects the garbage collector's
    /// promotions cost more than parsing).
    /// </summary>
    /// <param name="client">The session.</param>
    /// <param name="root">Where to search; null for the root folder.</param>
    /// <param name="specs">Types with the paths to read for each (subtypes match too).</param>
    /// <param name="each">Receives every object, in the endpoint's order.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task RetrieveEachAsync(this VimClient client, ManagedObjectReference? root, IReadOnlyCollection<PropertySpec> specs, Action<ObjectContent> each, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var content = await client.GetServiceContentAsync(cancellationToken);
            var view = (await client.InvokeAsync("CreateContainerView", content.ViewManager, w =>
            {
                w.Ref("container", root ?? content.RootFolder);
                foreach (var spec in specs)
                {
                    w.Text("type", spec.Type);
                }

                w.Bool("recursive", true);
            }, cancellationToken)).Select(Vim.Ref).Single()!.Value;
            try
            {
                await client.RetrieveAsync(specs, w => ViewObjects(w, view), each, cancellationToken);
                return;
            }
            catch (HypervisorException ex) when (ex.Fault == "ManagedObjectNotFound" && attempt == 1)
            {
                // The session was renewed between making the view and reading it (terminated mid-operation):
                // the view went with it, not the objects. The fault comes before any object; read again.
            }
            finally
            {
                await DestroyQuietlyAsync(client, view);
            }
        }
    }

    /// <summary>Destroys a view; one that went with its session is already gone.</summary>
    private static async Task DestroyQuietlyAsync(VimClient client, ManagedObjectReference view)
    {
        try
        {
            await client.InvokeAsync("DestroyView", view, null, CancellationToken.None);
        }
        catch (HypervisorException ex) when (ex.Fault == "ManagedObjectNotFound")
        {
            // Nothing left to destroy.
        }
    }

    /// <summary>
    /// Every VM below <paramref name="root"/>, and with <paramref name="hosts"/> every host and container (folders,
    /// datacenters, compute resources, resource pools) there, in one RetrievePropertiesEx. The VMs come through a
    /// container view kept for the session (<see cref="SessionViews"/>), the rest through walks of the tree, which
    /// are always current.
    /// </summary>
    /// <param name="client">The session.</param>
    /// <param name="root">The root folder or a datacenter; null for the root folder.</param>
    /// <param name="paths">The paths to read from each VM.</param>
    /// <param name="hosts">Specs for <c>HostSystem</c> and the container types (subtypes match); empty for VMs only.</param>
    /// <param name="each">Receives every object, in the endpoint's order.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static Task RetrieveVmsAsync(this VimClient client, ManagedObjectReference? root, IReadOnlyCollection<string> paths, IReadOnlyCollection<PropertySpec> hosts, Action<ObjectContent> each, CancellationToken cancellationToken) =>
        client.RetrieveVmsAsync(root, paths, hosts, each, [], cancellationToken);

    /// <summary>As the overload without <paramref name="alsoRead"/>, and those objects (a manager, say) in the same call.</summary>
    /// <param name="client">The session.</param>
    /// <param name="root">The root folder or a datacenter; null for the root folder.</param>
    /// <param name="paths">The paths to read from each VM.</param>
    /// <param name="hosts">Specs for <c>HostSystem</c>, the container types and the types of <paramref name="alsoRead"/>.</param>
    /// <param name="each">Receives every object, in the endpoint's order.</param>
    /// <param name="alsoRead">More objects to read, each by its type's spec.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task RetrieveVmsAsync(this VimClient client, ManagedObjectReference? root, IReadOnlyCollection<string> paths, IReadOnlyCollection<PropertySpec> hosts, Action<ObjectContent> each, IReadOnlyCollection<ManagedObjectReference> alsoRead, CancellationToken cancellationToken)
    {
        // VMs and folders are the types whose kept views vcsim keeps exact: both are linked into their parent before
        // they are registered (SessionViews). Folders through a view rather than a walk: a walk of the VM folders
        // would pass every VM to reach them.
        const string Vm = "VirtualMachine", Folder = "Folder";
        var container = root ?? (await client.GetServiceContentAsync(cancellationToken)).RootFolder;
        var vms = new PropertySpec(Vm, paths);
        for (var attempt = 1; ; attempt++)
        {
            var view = await client.Views.GetAsync(container, Vm, cancellationToken);
            var folders = hosts.Count > 0 ? await client.Views.GetAsync(container, Folder, cancellationToken) : (ManagedObjectReference?)null;
            try
            {
                await client.RetrieveAsync([vms, .. hosts], w =>
                {
                    ViewObjects(w, view);
                    if (folders is { } folderView)
                    {
                        HostObjects(w, container);
                        ContainerObjects(w, container, vmFolders: false);
                        ViewObjects(w, folderView);
                    }

                    foreach (var obj in alsoRead)
                    {
                        w.Element("objectSet", null, o => o.Ref("obj", obj).Bool("skip", false));
                    }
                }, each, cancellationToken);
                return;
            }
            catch (HypervisorException ex) when (ex.Fault == "ManagedObjectNotFound" && attempt == 1)
            {
                // The views went with a renewed session. The fault comes before any object, so none is handed on twice.
                await client.Views.ForgetAsync(container, Vm, view);
                if (folders is { } folderView)
                {
                    await client.Views.ForgetAsync(container, Folder, folderView);
                }
            }
        }
    }

    /// <summary>
    /// The inventory's containers below <paramref name="root"/>, in one RetrievePropertiesEx: folders (of every
    /// kind, through the session's kept folder view), datacenters, compute resources and resource pools, each with
    /// what its type's spec names. No VM is passed on the way, so it costs the same however many VMs there are.
    /// </summary>
    /// <param name="client">The session.</param>
    /// <param name="root">Where to start; null for the root folder.</param>
    /// <param name="specs">The paths to read per container type.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<List<ObjectContent>> RetrieveContainersAsync(this VimClient client, ManagedObjectReference? root, IReadOnlyCollection<PropertySpec> specs, CancellationToken cancellationToken)
    {
        var start = root ?? (await client.GetServiceContentAsync(cancellationToken)).RootFolder;
        for (var attempt = 1; ; attempt++)
        {
            // Folders through the session's kept folder view, as the VM list reads them: a walk of the VM folders passes every VM.
            var folders = await client.Views.GetAsync(start, "Folder", cancellationToken);
            var results = new List<ObjectContent>();
            try
            {
                await client.RetrieveAsync(specs, w =>
                {
                    ContainerObjects(w, start, vmFolders: false);
                    ViewObjects(w, folders);
                }, results.Add, cancellationToken);
                return results;
            }
            catch (HypervisorException ex) when (ex.Fault == "ManagedObjectNotFound" && attempt == 1)
            {
                await client.Views.ForgetAsync(start, "Folder", folders); // The view went with a renewed session.
            }
        }
    }

    /// <summary>The objects in a container view.</summary>
    private static void ViewObjects(SoapWriter spec, ManagedObjectReference view) => spec.Element("objectSet", null, o => o
        .Ref("obj", view)
        .Bool("skip", true)
        .Element("selectSet", "TraversalSpec", t => t.Text("name", "view").Text("type", "ContainerView").Text("path", "view").Bool("skip", false)));

    /// <summary>
    /// Compute resources and their hosts below a folder or datacenter: folders to their children, datacenters to
    /// their host folder, compute resources to their hosts. VM folders and resource pools are never entered.
    /// </summary>
    private static void HostObjects(SoapWriter spec, ManagedObjectReference root) => spec.Element("objectSet", null, o => o
        .Ref("obj", root)
        .Bool("skip", true)
        .Element("selectSet", "TraversalSpec", t => t.Text("name", "folderChildren").Text("type", "Folder").Text("path", "childEntity").Bool("skip", false)
            .Element("selectSet", null, s => s.Text("name", "folderChildren"))
            .Element("selectSet", null, s => s.Text("name", "datacenterHosts"))
            .Element("selectSet", null, s => s.Text("name", "computeHosts")))
        .Element("selectSet", "TraversalSpec", t => t.Text("name", "datacenterHosts").Text("type", "Datacenter").Text("path", "hostFolder").Bool("skip", false)
            .Element("selectSet", null, s => s.Text("name", "folderChildren")))
        .Element("selectSet", "TraversalSpec", t => t.Text("name", "computeHosts").Text("type", "ComputeResource").Text("path", "host").Bool("skip", false)));

    /// <summary>
    /// The object set of the inventory's containers below <paramref name="root"/>, and the root: folders to their
    /// children, datacenters to their four folders, compute resources and pools to their pools. A filter over it
    /// follows the tree as it changes, where a container view made earlier may miss a container made since.
    /// </summary>
    /// <param name="spec">The filter or retrieve spec being written.</param>
    /// <param name="root">Where to start.</param>
    /// <param name="vmFolders">
    /// Whether to walk VM folders too. Their children are the VMs, every one of which the walk then passes (in vcsim
    /// a 5,000-VM list took 2.1x as long); without them, VM folders are read from the VMs' parents afterwards.
    /// </param>
    public static void ContainerObjects(SoapWriter spec, ManagedObjectReference root, bool vmFolders = true) => spec.Element("objectSet", null, o =>
    {
        o.Ref("obj", root).Bool("skip", false)
            .Element("selectSet", "TraversalSpec", t =>
            {
                t.Text("name", "children").Text("type", "Folder").Text("path", "childEntity").Bool("skip", false)
                    .Element("selectSet", null, s => s.Text("name", "children"));
                if (vmFolders)
                {
                    t.Element("selectSet", null, s => s.Text("name", "dcVm"));
                }

                t.Element("selectSet", null, s => s.Text("name", "dcHost"))
                    .Element("selectSet", null, s => s.Text("name", "dcDatastore"))
                    .Element("selectSet", null, s => s.Text("name", "dcNetwork"))
                    .Element("selectSet", null, s => s.Text("name", "computePool"));
            });
        if (vmFolders)
        {
            o.Element("selectSet", "TraversalSpec", t => FolderOf(t, "dcVm", "vmFolder"));
        }

        o.Element("selectSet", "TraversalSpec", t => FolderOf(t, "dcHost", "hostFolder"))
            .Element("selectSet", "TraversalSpec", t => FolderOf(t, "dcDatastore", "datastoreFolder"))
            .Element("selectSet", "TraversalSpec", t => FolderOf(t, "dcNetwork", "networkFolder"))
            .Element("selectSet", "TraversalSpec", t => t.Text("name", "computePool").Text("type", "ComputeResource").Text("path", "resourcePool").Bool("skip", false)
                .Element("selectSet", null, s => s.Text("name", "pools")))
            .Element("selectSet", "TraversalSpec", t => t.Text("name", "pools").Text("type", "ResourcePool").Text("path", "resourcePool").Bool("skip", false)
                .Element("selectSet", null, s => s.Text("name", "pools")));
    });

    private static void FolderOf(SoapWriter traversal, string name, string path) => traversal
        .Text("name", name).Text("type", "Datacenter").Text("path", path).Bool("skip", false)
        .Element("selectSet", null, s => s.Text("name", "children"));

    /// <summary>The given objects (all of <paramref name="type"/>) with <paramref name="paths"/>, in one call.</summary>
    /// <param name="client">The session.</param>
    /// <param name="objects">The objects.</param>
    /// <param name="type">Their type.</param>
    /// <param name="paths">Property paths to read.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<List<ObjectContent>> RetrieveObjectsAsync(this VimClient client, IReadOnlyCollection<ManagedObjectReference> objects, string type, IReadOnlyCollection<string> paths, CancellationToken cancellationToken)
    {
        if (objects.Count == 0)
        {
            return [];
        }

        return await client.RetrieveObjectsAsync(objects, [new PropertySpec(type, paths)], cancellationToken);
    }

    /// <summary>One object's properties, or null when it has gone.</summary>
    /// <param name="client">The session.</param>
    /// <param name="obj">The object.</param>
    /// <param name="paths">Property paths to read.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<ObjectContent?> RetrieveOneAsync(this VimClient client, ManagedObjectReference obj, IReadOnlyCollection<string> paths, CancellationToken cancellationToken)
    {
        try
        {
            return (await client.RetrieveObjectsAsync([obj], obj.Type, paths, cancellationToken)).FirstOrDefault();
        }
        catch (HypervisorException ex) when (ex.Fault == "ManagedObjectNotFound")
        {
            return null;
        }
    }

    /// <summary>Objects of mixed types, each with the paths its type's spec names, in one call.</summary>
    /// <param name="client">The session.</param>
    /// <param name="objects">The objects.</param>
    /// <param name="specs">The paths to read per type.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<List<ObjectContent>> RetrieveObjectsAsync(this VimClient client, IReadOnlyCollection<ManagedObjectReference> objects, IReadOnlyCollection<PropertySpec> specs, CancellationToken cancellationToken)
    {
        if (objects.Count == 0)
        {
            return [];
        }

        var results = new List<ObjectContent>();
        await client.RetrieveAsync(specs, w =>
        {
            foreach (var obj in objects)
            {
                w.Element("objectSet", null, o => o.Ref("obj", obj).Bool("skip", false));
            }
        }, results.Add, cancellationToken);
        return results;
    }

    /// <summary>
    /// Objects of mixed types, and every ancestor (parent, its parent, up to the root folder) of each of
    /// <paramref name="ancestorsOf"/> and those themselves, in one call; each object once.
    /// </summary>
    /// <param name="client">The session.</param>
    /// <param name="objects">The objects.</param>
    /// <param name="ancestorsOf">The objects whose chain of parents to read too.</param>
    /// <param name="specs">The paths to read per type.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<List<ObjectContent>> RetrieveWithAncestorsAsync(this VimClient client, IReadOnlyCollection<ManagedObjectReference> objects, IReadOnlyCollection<ManagedObjectReference> ancestorsOf, IReadOnlyCollection<PropertySpec> specs, CancellationToken cancellationToken)
    {
        if (objects.Count == 0 && ancestorsOf.Count == 0)
        {
            return [];
        }

        var results = new List<ObjectContent>();
        await client.RetrieveAsync(specs, w =>
        {
            foreach (var obj in objects)
            {
                w.Element("objectSet", null, o => o.Ref("obj", obj).Bool("skip", false));
            }

            foreach (var start in ancestorsOf)
            {
                w.Element("objectSet", null, o => o.Ref("obj", start).Bool("skip", false)
                    .Element("selectSet", "TraversalSpec", t => t.Text("name", "up").Text("type", "ManagedEntity").Text("path", "parent").Bool("skip", false)
                        .Element("selectSet", null, s => s.Text("name", "up"))));
            }
        }, results.Add, cancellationToken);
        return results;
    }

    private static async Task RetrieveAsync(this VimClient client, IReadOnlyCollection<PropertySpec> specs, Action<SoapWriter> objectSets, Action<ObjectContent> each, CancellationToken cancellationToken)
    {
        var content = await client.GetServiceContentAsync(cancellationToken);
        var page = await client.InvokeAsync("RetrievePropertiesEx", content.PropertyCollector, w =>
        {
            w.Element("specSet", null, spec =>
            {
                foreach (var propertySpec in specs)
                {
                    spec.Element("propSet", null, p =>
                    {
                        p.Text("type", propertySpec.Type);
                        foreach (var path in propertySpec.Paths)
                        {
                            p.Text("pathSet", path);
                        }
                    });
                }

                objectSets(spec);
            });
            w.Element("options", null, o => o.Number("maxObjects", PageSize));
        }, (reader, body) => ReadPage(reader, body, each), cancellationToken);

        while (page is not null)
        {
            var token = page;
            page = await client.InvokeAsync("ContinueRetrievePropertiesEx", content.PropertyCollector, w => w.Text("token", token),
                (reader, body) => ReadPage(reader, body, each), cancellationToken);
        }
    }

    /// <summary>Reads one RetrieveResult, each object to <paramref name="each"/>; returns the continuation token.</summary>
    private static string? ReadPage(XmlReader reader, ResponseBody body, Action<ObjectContent> each) =>
        RetrieveResultScanner.TryRead(body.Bytes, body.Length, each, out var token, out var delivered)
            ? token
            : ReadPageInOrder(reader, each, skip: delivered);

    /// <summary>Reads one RetrieveResult with the XmlReader, passing over the first <paramref name="skip"/> objects.</summary>
    private static string? ReadPageInOrder(XmlReader reader, Action<ObjectContent> each, int skip)
    {
        if (reader.IsEmptyElement)
        {
            return null;
        }

        string? token = null;
        var responseDepth = reader.Depth;
        reader.Read();
        while (reader.Depth > responseDepth)
        {
            if (reader is { NodeType: XmlNodeType.Element, LocalName: "returnval" } && !reader.IsEmptyElement)
            {
                var depth = reader.Depth;
                reader.Read();
                while (reader.Depth > depth)
                {
                    if (reader.NodeType != XmlNodeType.Element)
                    {
                        reader.Read();
                        continue;
                    }

                    if (reader.LocalName == "objects")
                    {
                        var obj = ObjectContent.Read(reader);
                        if (skip-- <= 0)
                        {
                            each(obj);
                        }
                    }
                    else if (reader.LocalName == "token")
                    {
                        token = reader.ReadElementContentAsString();
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Read();
            }
        }

        return token;
    }
}
