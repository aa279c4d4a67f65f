package dev.hamtlab.contract;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Arrays;

/** Reaches into a phase's package-private classes, for tests that corrupt a trie on purpose. */
final class Internals {
    private Internals() {
    }

    /** The field of that name, declared by the object's class or a superclass, made accessible. */
    static Field field(Object owner, String name) throws NoSuchFieldException {
        for (Class<?> type = owner.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(owner.getClass().getName() + "." + name);
    }

    static Object get(Object owner, String name) throws ReflectiveOperationException {
        return field(owner, name).get(owner);
    }

    static void set(Object owner, String name, Object value) throws ReflectiveOperationException {
        field(owner, name).set(owner, value);
    }

    /** Calls the one method of that name and argument count that the object's class declares. */
    static Object call(Object owner, String name, Object... arguments) throws ReflectiveOperationException {
        Method method = Arrays.stream(owner.getClass().getDeclaredMethods())
                .filter(m -> m.getName().equals(name) && m.getParameterCount() == arguments.length)
                .findFirst()
                .orElseThrow(() -> new NoSuchMethodException(owner.getClass().getName() + "." + name));
        method.setAccessible(true);
        return method.invoke(owner, arguments);
    }
}
