// Command vcsim-harness runs VMware's vCenter/ESXi simulator (govmomi's simulator package) for
// VmwareMcp's tests, demo and benchmarks. It prints one JSON line describing the running instance on
// stdout and stops when stdin closes, so a parent that dies never leaves a simulator behind.
package main

import (
	"bufio"
	"crypto/sha256"
	"crypto/tls"
	"encoding/json"
	"flag"
	"fmt"
	"net/url"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/vmware/govmomi/simulator"
	_ "github.com/vmware/govmomi/vapi/simulator"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/types"
)

func main() {
	mode := flag.String("mode", "vpx", "vpx (vCenter) or esx (standalone ESXi host)")
	useTLS := flag.Bool("tls", true, "serve https with a self-signed certificate")
	listen := flag.String("listen", "127.0.0.1:0", "address to listen on (port 0 picks a free one)")
	user := flag.String("user", "user", "login user")
	pass := flag.String("pass", "pass", "login password")
	dc := flag.Int("dc", -1, "datacenters (vpx)")
	cluster := flag.Int("cluster", -1, "clusters per datacenter (vpx)")
	clusterHost := flag.Int("cluster-host", -1, "hosts per cluster (vpx)")
	host := flag.Int("host", -1, "standalone hosts per datacenter (vpx)")
	vm := flag.Int("vm", -1, "VMs per resource pool")
	ds := flag.Int("ds", -1, "datastores")
	pg := flag.Int("pg", -1, "distributed port groups per datacenter (vpx)")
	delay := flag.Int("delay", 0, "milliseconds of latency added to every SOAP call")
	dsFree := flag.String("ds-free-gb", "", "comma-separated free space in GiB, one per datastore in creation order")
	alarm := flag.String("alarm", "", "name of an alarm to show as triggered (red, unacknowledged) on the first host")
	flag.Parse()

	model := simulator.VPX()
	if *mode == "esx" {
		model = simulator.ESX()
	}
	set := func(dst *int, v int) {
		if v >= 0 {
			*dst = v
		}
	}
	set(&model.Datacenter, *dc)
	set(&model.Cluster, *cluster)
	set(&model.ClusterHost, *clusterHost)
	set(&model.Host, *host)
	set(&model.Machine, *vm)
	set(&model.Datastore, *ds)
	set(&model.Portgroup, *pg)
	model.DelayConfig.Delay = *delay

	if err := model.Create(); err != nil {
		fail(err)
	}
	defer model.Remove()
	if *dsFree != "" {
		if err := setDatastoreFree(*dsFree); err != nil {
			fail(err)
		}
	}

	if *alarm != "" {
		triggerAlarm(*alarm, model.ServiceContent.RootFolder)
	}

	model.Service.Listen = &url.URL{Host: *listen, User: url.UserPassword(*user, *pass)}
	model.Service.RegisterEndpoints = true
	if *useTLS {
		model.Service.TLS = new(tls.Config)
	}
	server := model.Service.NewServer()
	defer server.Close()

	u := *server.URL
	u.User = nil
	info := map[string]string{"url": u.String(), "user": *user, "password": *pass}
	if *useTLS {
		sum := sha256.Sum256(server.Certificate().Raw)
		info["thumbprint"] = colonHex(sum[:])
	}
	line, _ := json.Marshal(info)
	fmt.Println(string(line))

	done := make(chan struct{})
	go func() {
		// Any line or EOF on stdin stops the simulator.
		bufio.NewReader(os.Stdin).ReadString('\n')
		close(done)
	}()
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGINT, syscall.SIGTERM)
	select {
	case <-done:
	case <-sig:
	}
}

func setDatastoreFree(spec string) error {
	parts := strings.Split(spec, ",")
	stores := simulator.Map.All("Datastore")
	if len(parts) > len(stores) {
		return fmt.Errorf("-ds-free-gb names %d datastores, the model has %d", len(parts), len(stores))
	}
	for i, p := range parts {
		gb, err := strconv.ParseInt(strings.TrimSpace(p), 10, 64)
		if err != nil {
			return fmt.Errorf("-ds-free-gb: %q is not a whole number", p)
		}
		name := fmt.Sprintf("LocalDS_%d", i)
		for _, e := range stores {
			d := e.(*simulator.Datastore)
			if d.Name != name {
				continue
			}
			d.Summary.FreeSpace = gb << 30
			if d.Summary.Capacity < d.Summary.FreeSpace {
				d.Summary.Capacity = d.Summary.FreeSpace * 2
			}
			d.Info.GetDatastoreInfo().FreeSpace = d.Summary.FreeSpace
		}
	}
	var _ mo.Datastore
	return nil
}

// alarmObject is an Alarm definition: vcsim has no AlarmManager, so the harness registers the one alarm
// it shows as triggered, and its name resolves like on a real vCenter.
type alarmObject struct {
	mo.Alarm
}

// triggerAlarm puts a red, unacknowledged alarm state on the first host and, as vCenter does, on the
// root folder that aggregates it.
func triggerAlarm(name string, rootFolder types.ManagedObjectReference) {
	ref := types.ManagedObjectReference{Type: "Alarm", Value: "alarm-harness-1"}
	a := &alarmObject{}
	a.Self = ref
	a.Info.Name = name
	a.Info.Key = ref.Value
	a.Info.Alarm = ref
	simulator.Map.Put(a)

	host := simulator.Map.Any("HostSystem").(*simulator.HostSystem)
	state := types.AlarmState{
		Key:           "alarm-harness-1." + host.Self.Value,
		Entity:        host.Self,
		Alarm:         ref,
		OverallStatus: types.ManagedEntityStatusRed,
		Time:          time.Now(),
		Acknowledged:  types.NewBool(false),
	}
	host.TriggeredAlarmState = append(host.TriggeredAlarmState, state)
	root := simulator.Map.Get(rootFolder).(*simulator.Folder)
	root.TriggeredAlarmState = append(root.TriggeredAlarmState, state)
}

func colonHex(b []byte) string {
	s := make([]string, len(b))
	for i, x := range b {
		s[i] = fmt.Sprintf("%02X", x)
	}
	return strings.Join(s, ":")
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "vcsim-harness:", err)
	os.Exit(1)
}
