package dev.hamtlab.phase2;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * The leaves of a {@link CollisionNode} whose keys are of one class C that implements
 * {@code Comparable<C>} (String, the boxed numbers, most real keys), in {@code compareTo} order in
 * an AVL tree. Keys built to share one hashCode (thousands of Strings of "Aa" and "BB" blocks) then
 * cost O(log n) comparisons an operation instead of a scan of every colliding key, so a flood of
 * them costs O(n log n), not O(n^2): what java.util.HashMap's tree bins do. Each tree node counts
 * its subtree, so the trie's iterators reach the i-th leaf in O(log n).
 *
 * <p>The tree never holds two keys that {@code compareTo} calls equal: a key that compares equal
 * to a stored key without being {@code equals} to it stays in its collision node's list.
 */
final class OrderedLeaves<K, V> {
    private final Class<?> keyClass;
    private TreeNode<K, V> root;

    private static final class TreeNode<K, V> {
        final Leaf<K, V> leaf;
        TreeNode<K, V> left;
        TreeNode<K, V> right;
        int height = 1;
        int size = 1;

        TreeNode(Leaf<K, V> leaf) {
            this.leaf = leaf;
        }
    }

    OrderedLeaves(Class<?> keyClass) {
        this.keyClass = keyClass;
    }

    /**
     * The class C of the key when C implements {@code Comparable<C>} itself, so that any two keys of
     * C compare; null otherwise (a class comparable only to something else is left to the list).
     */
    static Class<?> comparableClass(Object key) {
        Class<?> type = key.getClass();
        if (type == String.class) {
            return type;
        }
        if (key instanceof Comparable) {
            for (Type declared : type.getGenericInterfaces()) {
                if (declared instanceof ParameterizedType comparable && comparable.getRawType() == Comparable.class
                        && comparable.getActualTypeArguments()[0] == type) {
                    return type;
                }
            }
        }
        return null;
    }

    /** Whether the key is of this tree's class, the only one it orders. */
    boolean orders(Object key) {
        return key.getClass() == keyClass;
    }

    int size() {
        return size(root);
    }

    /** The stored leaf whose key compares equal to {@code key} (of this tree's class), equals or not; null when none does. */
    Leaf<K, V> sameOrder(Object key) {
        TreeNode<K, V> node = root;
        while (node != null) {
            int order = compare(key, node.leaf.key);
            if (order == 0) {
                return node.leaf;
            }
            node = order < 0 ? node.left : node.right;
        }
        return null;
    }

    /** Adds a leaf of this tree's class that no stored key compares equal to. */
    void add(Leaf<K, V> leaf) {
        root = insert(root, leaf);
    }

    /** Removes the leaf whose key equals {@code key}; returns it, or null when the tree holds no such key. */
    Leaf<K, V> remove(Object key) {
        Leaf<K, V> same = sameOrder(key);
        if (same == null || !key.equals(same.key)) {
            return null;
        }
        root = delete(root, key);
        return same;
    }

    /** The leaf at position {@code i} in key order. */
    Leaf<K, V> get(int i) {
        TreeNode<K, V> node = root;
        while (true) {
            int before = size(node.left);
            if (i == before) {
                return node.leaf;
            }
            if (i < before) {
                node = node.left;
            } else {
                i -= before + 1;
                node = node.right;
            }
        }
    }

    private static <K, V> TreeNode<K, V> insert(TreeNode<K, V> node, Leaf<K, V> leaf) {
        if (node == null) {
            return new TreeNode<>(leaf);
        }
        if (compare(leaf.key, node.leaf.key) < 0) {
            node.left = insert(node.left, leaf);
        } else {
            node.right = insert(node.right, leaf);
        }
        return balance(node);
    }

    private static <K, V> TreeNode<K, V> delete(TreeNode<K, V> node, Object key) {
        int order = compare(key, node.leaf.key);
        if (order < 0) {
            node.left = delete(node.left, key);
        } else if (order > 0) {
            node.right = delete(node.right, key);
        } else {
            if (node.left == null) {
                return node.right;
            }
            if (node.right == null) {
                return node.left;
            }
            TreeNode<K, V> successor = node.right;
            while (successor.left != null) {
                successor = successor.left;
            }
            successor.right = deleteFirst(node.right);
            successor.left = node.left;
            node = successor;
        }
        return balance(node);
    }

    private static <K, V> TreeNode<K, V> deleteFirst(TreeNode<K, V> node) {
        if (node.left == null) {
            return node.right;
        }
        node.left = deleteFirst(node.left);
        return balance(node);
    }

    /** Restores the AVL bound (subtree heights differ by at most one) at a node whose subtrees hold it. */
    private static <K, V> TreeNode<K, V> balance(TreeNode<K, V> node) {
        update(node);
        int lean = height(node.left) - height(node.right);
        if (lean > 1) {
            if (height(node.left.left) < height(node.left.right)) {
                node.left = rotateLeft(node.left);
            }
            return rotateRight(node);
        }
        if (lean < -1) {
            if (height(node.right.right) < height(node.right.left)) {
                node.right = rotateRight(node.right);
            }
            return rotateLeft(node);
        }
        return node;
    }

    private static <K, V> TreeNode<K, V> rotateRight(TreeNode<K, V> node) {
        TreeNode<K, V> top = node.left;
        node.left = top.right;
        top.right = node;
        update(node);
        update(top);
        return top;
    }

    private static <K, V> TreeNode<K, V> rotateLeft(TreeNode<K, V> node) {
        TreeNode<K, V> top = node.right;
        node.right = top.left;
        top.left = node;
        update(node);
        update(top);
        return top;
    }

    private static void update(TreeNode<?, ?> node) {
        node.height = 1 + Math.max(height(node.left), height(node.right));
        node.size = 1 + size(node.left) + size(node.right);
    }

    private static int height(TreeNode<?, ?> node) {
        return node == null ? 0 : node.height;
    }

    private static int size(TreeNode<?, ?> node) {
        return node == null ? 0 : node.size;
    }

    @SuppressWarnings("unchecked") // both keys are of the tree's class C, a Comparable<C>
    private static int compare(Object key, Object stored) {
        return ((Comparable<Object>) key).compareTo(stored);
    }

    /** Checks the tree's balance, heights, counts, class and order, and returns how many leaves it holds. */
    int verify() {
        int size = verify(root);
        for (int i = 1; i < size; i++) {
            Node.check(compare(get(i - 1).key, get(i).key) < 0, "a collision node's tree is in strict compareTo order");
        }
        return size;
    }

    private int verify(TreeNode<K, V> node) {
        if (node == null) {
            return 0;
        }
        Node.check(node.leaf.key.getClass() == keyClass, "every key in a collision node's tree is of its class "
                + keyClass.getName() + ", found " + node.leaf.key.getClass().getName());
        int left = verify(node.left);
        int right = verify(node.right);
        Node.check(node.height == 1 + Math.max(height(node.left), height(node.right)),
                "a tree node's height is its own");
        Node.check(Math.abs(height(node.left) - height(node.right)) <= 1, "a collision node's tree is balanced");
        Node.check(node.size == 1 + left + right, "a tree node counts its subtree");
        return node.size;
    }
}
