"""The replication tree of a model (source → adopters → their adopters), laid out for an inline
SVG drawn by the server: no script, readable on a phone, printable."""

from dataclasses import dataclass, field

from django.db.models import QuerySet

from danvan.practices.models import Practice

NODE_WIDTH, NODE_HEIGHT, GAP_X, GAP_Y = 230, 46, 40, 14
MAX_UP, MAX_DEPTH, MAX_NODES = 5, 3, 40


@dataclass
class Node:
    practice: Practice
    depth: int
    children: list["Node"] = field(default_factory=list)
    row: float = 0.0
    current: bool = False

    @property
    def x(self) -> int:
        return self.depth * (NODE_WIDTH + GAP_X)

    @property
    def y(self) -> int:
        return round(self.row * (NODE_HEIGHT + GAP_Y))

    @property
    def label(self) -> str:
        return _short(self.practice.name)

    @property
    def unit_label(self) -> str:
        return _short(f"{self.practice.unit.name} · {self.practice.year}")


@dataclass
class AdoptionGraph:
    nodes: list[Node]
    edges: list[tuple[int, int, int, int]]  # x1, y1, x2, y2
    width: int
    height: int
    truncated: bool
    node_width: int = NODE_WIDTH
    node_height: int = NODE_HEIGHT


def _short(text: str, limit: int = 34) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _root(practice: Practice, visible: QuerySet[Practice]) -> Practice:
    root = practice
    for _ in range(MAX_UP):
        if root.source_id is None:
            break
        parent = visible.filter(pk=root.source_id).select_related("unit").first()
        if parent is None:
            break
        root = parent
    return root


def _grow(root: Node, visible: QuerySet[Practice]) -> tuple[list[Node], bool]:
    """Breadth-first, one query per level, stopping at MAX_DEPTH levels or MAX_NODES nodes."""
    nodes, level, truncated = [root], [root], False
    while level and level[0].depth < MAX_DEPTH and len(nodes) < MAX_NODES:
        by_id = {n.practice.pk: n for n in level}
        rows = visible.filter(source_id__in=by_id).select_related("unit").order_by("unit__sort_key", "pk")
        level = []
        for child in rows[: MAX_NODES - len(nodes) + 1]:
            if len(nodes) >= MAX_NODES:
                truncated = True
                break
            node = Node(child, by_id[child.source_id].depth + 1)  # type: ignore[index]
            by_id[child.source_id].children.append(node)  # type: ignore[index]
            nodes.append(node)
            level.append(node)
    return nodes, truncated


def _place(node: Node, next_row: list[float]) -> None:
    """Leaves take the next free row; a parent sits level with the middle of its children."""
    for child in node.children:
        _place(child, next_row)
    if node.children:
        node.row = (node.children[0].row + node.children[-1].row) / 2
    else:
        node.row = next_row[0]
        next_row[0] += 1


def adoption_graph(practice: Practice, visible: QuerySet[Practice]) -> AdoptionGraph | None:
    """The tree around `practice` among the practices the viewer may see; None when it has no
    source and no adopters."""
    root = Node(_root(practice, visible), 0)
    nodes, truncated = _grow(root, visible)
    if len(nodes) == 1:
        return None
    _place(root, [0.0])
    for node in nodes:
        node.current = node.practice.pk == practice.pk
    middle = NODE_HEIGHT // 2
    edges = [(n.x + NODE_WIDTH, n.y + middle, c.x, c.y + middle) for n in nodes for c in n.children]
    width = max(n.x for n in nodes) + NODE_WIDTH + 2
    height = max(n.y for n in nodes) + NODE_HEIGHT + 2
    return AdoptionGraph(nodes, edges, width, height, truncated)
