//! Interned classes and method subsignatures with the app's class hierarchy.
//!
//! Every class descriptor and every `name(proto)ret` subsignature seen in any dex file gets
//! a small integer id, so the hot paths (resolution, class-hierarchy analysis, the
//! implicit-edge rules) compare integers and never build or hash strings per call site.

use petgraph::graph::NodeIndex;

use super::intern::Interner;

/// Interned class descriptor.
pub type ClassId = u32;
/// Interned `name(proto)ret`.
pub type SubId = u32;

/// A class: defined in the app, or only referenced (framework, JDK).
#[derive(Debug, Clone, Default)]
pub struct ClassInfo {
    /// Defined in one of the app's dex files (first definition).
    pub defined: bool,
    /// Superclass, for defined classes.
    pub superclass: Option<ClassId>,
    /// Implemented interfaces, for defined classes.
    pub interfaces: Vec<ClassId>,
    /// Methods the class defines, sorted by subsignature id.
    pub methods: Vec<(SubId, NodeIndex)>,
}

/// Classes, subsignatures and the subtype relation of the app.
#[derive(Debug, Default)]
pub struct Hierarchy {
    /// By [`ClassId`].
    pub classes: Vec<ClassInfo>,
    /// Class descriptors by [`ClassId`].
    class_names: Interner,
    /// Subsignatures by [`SubId`].
    subsigs: Interner,
    /// Direct app subtypes (subclasses and implementors) by [`ClassId`].
    subtypes: Vec<Vec<ClassId>>,
    /// Well-known framework classes the implicit-edge rules test for.
    pub known: Known,
}

/// Ids of the framework classes the implicit-edge rules look for.
#[derive(Debug, Default, Clone, Copy)]
pub struct Known {
    /// `java.lang.Object`.
    pub object: ClassId,
    /// `java.lang.Runnable`.
    pub runnable: ClassId,
    /// `java.lang.Thread`.
    pub thread: ClassId,
    /// `java.util.concurrent.Callable`.
    pub callable: ClassId,
    /// `java.util.TimerTask` (a Runnable the framework class hides from the app's view).
    pub timer_task: ClassId,
    /// `java.util.Timer`.
    pub timer: ClassId,
    /// `android.os.AsyncTask`.
    pub async_task: ClassId,
}

impl Hierarchy {
    /// An empty hierarchy with the well-known classes interned.
    pub fn new() -> Hierarchy {
        let mut h = Hierarchy::default();
        h.known = Known {
            object: h.class_id("Ljava/lang/Object;"),
            runnable: h.class_id("Ljava/lang/Runnable;"),
            thread: h.class_id("Ljava/lang/Thread;"),
            callable: h.class_id("Ljava/util/concurrent/Callable;"),
            timer_task: h.class_id("Ljava/util/TimerTask;"),
            timer: h.class_id("Ljava/util/Timer;"),
            async_task: h.class_id("Landroid/os/AsyncTask;"),
        };
        h
    }

    /// Intern a class descriptor.
    pub fn class_id(&mut self, descriptor: &str) -> ClassId {
        let id = self.class_names.intern(descriptor);
        while self.classes.len() < self.class_names.len() {
            self.classes.push(ClassInfo::default());
            self.subtypes.push(Vec::new());
        }
        id
    }

    /// Intern a subsignature.
    pub fn sub_id(&mut self, sub: &str) -> SubId {
        self.subsigs.intern(sub)
    }

    /// The id of a class descriptor already seen.
    pub fn find_class(&self, descriptor: &str) -> Option<ClassId> {
        self.class_names.get(descriptor)
    }

    /// The id of a subsignature already seen.
    pub fn find_sub(&self, sub: &str) -> Option<SubId> {
        self.subsigs.get(sub)
    }

    /// The class, if the id is valid.
    pub fn class(&self, id: ClassId) -> Option<&ClassInfo> {
        self.classes.get(id as usize)
    }

    /// True for a class defined in the app.
    pub fn is_defined(&self, id: ClassId) -> bool {
        self.class(id).is_some_and(|c| c.defined)
    }

    /// The class descriptor (`Lcom/x/Y;`; empty for an unknown id).
    pub fn class_name(&self, id: ClassId) -> &str {
        self.class_names.resolve(id)
    }

    /// The subsignature text.
    pub fn sub(&self, id: SubId) -> &str {
        self.subsigs.resolve(id)
    }

    /// Release the spare capacity of the interned strings once interning is done.
    pub fn shrink_to_fit(&mut self) {
        self.class_names.shrink_to_fit();
        self.subsigs.shrink_to_fit();
        self.classes.shrink_to_fit();
        self.subtypes.shrink_to_fit();
    }

    /// The method name of a subsignature.
    pub fn name(&self, id: SubId) -> &str {
        let sub = self.sub(id);
        sub.split_once('(').map_or(sub, |(n, _)| n)
    }

    /// Record a defined class (first definition; later calls for the same id are ignored).
    pub fn define(
        &mut self,
        id: ClassId,
        superclass: Option<ClassId>,
        interfaces: Vec<ClassId>,
        mut methods: Vec<(SubId, NodeIndex)>,
    ) {
        let Some(info) = self.classes.get_mut(id as usize) else {
            return;
        };
        if info.defined {
            return;
        }
        methods.sort_unstable_by_key(|&(s, _)| s);
        info.defined = true;
        info.superclass = superclass;
        info.interfaces = interfaces;
        info.methods = methods;
        for sup in superclass.iter().chain(info.interfaces.iter()) {
            if let Some(list) = self.subtypes.get_mut(*sup as usize) {
                list.push(id);
            }
        }
    }

    /// The method `sub` defined by class `id` itself.
    pub fn own_method(&self, id: ClassId, sub: SubId) -> Option<NodeIndex> {
        let methods = &self.class(id)?.methods;
        methods
            .binary_search_by_key(&sub, |&(s, _)| s)
            .ok()
            .and_then(|i| methods.get(i))
            .map(|&(_, n)| n)
    }

    /// The implementation of `sub` visible from `class`: its own or the nearest app
    /// superclass's. Bounded by the class count, so a cyclic hierarchy in a hostile dex
    /// cannot loop.
    pub fn resolve_up(&self, class: ClassId, sub: SubId) -> Option<NodeIndex> {
        let mut current = Some(class);
        for _ in 0..=self.classes.len() {
            let c = current?;
            if let Some(n) = self.own_method(c, sub) {
                return Some(n);
            }
            current = self.class(c)?.superclass;
        }
        None
    }

    /// Calls `f` for every transitive app subtype of `class` (breadth-first, each once)
    /// until `f` returns false. `scratch` is reused across calls: this runs once per
    /// distinct virtual/interface target, so it must not allocate.
    pub fn for_each_subtype(
        &self,
        class: ClassId,
        scratch: &mut SubtypeScratch,
        mut f: impl FnMut(ClassId) -> bool,
    ) {
        scratch.begin(self.classes.len());
        scratch.queue.push(class);
        scratch.mark(class);
        let mut head = 0;
        while let Some(&c) = scratch.queue.get(head) {
            head += 1;
            for &s in self.subtypes.get(c as usize).into_iter().flatten() {
                if !scratch.mark(s) {
                    continue;
                }
                if !f(s) {
                    return;
                }
                scratch.queue.push(s);
            }
        }
    }

    /// True when `class` is `ancestor` or (transitively) extends or implements it. An
    /// external class is only its own supertype: the framework's hierarchy is not known.
    pub fn is_subtype(&self, class: ClassId, ancestor: ClassId) -> bool {
        let mut stack = vec![class];
        let mut seen = std::collections::HashSet::new();
        while let Some(c) = stack.pop() {
            if c == ancestor {
                return true;
            }
            if !seen.insert(c) {
                continue;
            }
            if let Some(info) = self.class(c) {
                stack.extend(info.superclass);
                stack.extend(info.interfaces.iter().copied());
            }
        }
        false
    }

    /// The transitive supertypes of `class` (app and external), nearest first.
    pub fn supertypes(&self, class: ClassId) -> Vec<ClassId> {
        let mut out = Vec::new();
        let mut queue = std::collections::VecDeque::from([class]);
        let mut seen = std::collections::HashSet::new();
        while let Some(c) = queue.pop_front() {
            if !seen.insert(c) {
                continue;
            }
            if c != class {
                out.push(c);
            }
            if let Some(info) = self.class(c) {
                queue.extend(info.superclass);
                queue.extend(info.interfaces.iter().copied());
            }
        }
        out
    }

    /// True when an app class extends or implements a framework type other than Object,
    /// i.e. the framework may call it back.
    pub fn has_external_supertype(&self, class: ClassId) -> bool {
        self.supertypes(class)
            .into_iter()
            .any(|s| !self.is_defined(s) && s != self.known.object)
    }

    /// The methods named one of `names` that `class` defines or inherits from app
    /// superclasses (the nearest definition of each subsignature).
    pub fn methods_named(&self, class: ClassId, names: &[&str]) -> Vec<NodeIndex> {
        let mut found: Vec<(SubId, NodeIndex)> = Vec::new();
        let mut current = Some(class);
        for _ in 0..=self.classes.len() {
            let Some(info) = current.and_then(|c| self.class(c)) else {
                break;
            };
            for &(sub, n) in &info.methods {
                if names.contains(&self.name(sub)) && !found.iter().any(|&(s, _)| s == sub) {
                    found.push((sub, n));
                }
            }
            current = info.superclass;
        }
        found.into_iter().map(|(_, n)| n).collect()
    }
}

/// Reusable work space of [`Hierarchy::for_each_subtype`]: a queue and visit marks
/// stamped with a generation number, so starting a walk costs nothing.
#[derive(Debug, Default)]
pub struct SubtypeScratch {
    queue: Vec<ClassId>,
    marks: Vec<u32>,
    generation: u32,
}

impl SubtypeScratch {
    fn begin(&mut self, classes: usize) {
        self.queue.clear();
        if self.marks.len() < classes {
            self.marks.resize(classes, 0);
        }
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 {
            // Wrapped: old stamps could collide with the new generation.
            self.marks.iter_mut().for_each(|m| *m = 0);
            self.generation = 1;
        }
    }

    /// Mark `c` visited; false when it already was.
    fn mark(&mut self, c: ClassId) -> bool {
        match self.marks.get_mut(c as usize) {
            Some(m) if *m == self.generation => false,
            Some(m) => {
                *m = self.generation;
                true
            }
            None => false,
        }
    }
}
