//! The machine a benchmark ran on: cores, memory, CPU model and kernel, read from Linux's
//! `/proc` (left blank elsewhere).

#[derive(Debug, Clone, PartialEq)]
pub struct Machine {
    pub cores: usize,
    pub memory_bytes: Option<u64>,
    pub cpu: Option<String>,
    pub kernel: Option<String>,
}

impl Machine {
    pub fn read() -> Machine {
        let read = |path: &str| std::fs::read_to_string(path).ok();
        Machine {
            cores: std::thread::available_parallelism().map_or(1, |n| n.get()),
            memory_bytes: read("/proc/meminfo").and_then(|m| mem_total(&m)),
            cpu: read("/proc/cpuinfo").and_then(|c| cpu_model(&c)),
            kernel: read("/proc/sys/kernel/osrelease").map(|k| k.trim().to_string()),
        }
    }

    /// "2 cores · 23.5 GiB · AMD EPYC 7B13 · Linux 6.1.0"
    pub fn describe(&self) -> String {
        let mut parts = vec![format!("{} cores", self.cores)];
        if let Some(m) = self.memory_bytes {
            parts.push(format!("{:.1} GiB memory", m as f64 / (1u64 << 30) as f64));
        }
        if let Some(c) = &self.cpu {
            parts.push(c.clone());
        }
        if let Some(k) = &self.kernel {
            parts.push(format!("Linux {k}"));
        }
        parts.join(" · ")
    }
}

fn mem_total(meminfo: &str) -> Option<u64> {
    let kib: u64 = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    Some(kib * 1024)
}

fn cpu_model(cpuinfo: &str) -> Option<String> {
    cpuinfo
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split_once(':'))
        .map(|(_, v)| v.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_proc_files() {
        assert_eq!(
            mem_total("MemTotal:       24684032 kB\nMemFree: 1 kB\n"),
            Some(24684032 * 1024)
        );
        assert_eq!(
            cpu_model("processor\t: 0\nmodel name\t: AMD EPYC   7B13 64-Core Processor\n"),
            Some("AMD EPYC 7B13 64-Core Processor".into())
        );
        let m = Machine {
            cores: 2,
            memory_bytes: Some(2 << 30),
            cpu: None,
            kernel: Some("6.1.0".into()),
        };
        assert_eq!(m.describe(), "2 cores · 2.0 GiB memory · Linux 6.1.0");
    }
}
